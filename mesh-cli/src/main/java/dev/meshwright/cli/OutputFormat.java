package dev.meshwright.cli;

/** Output formats a command may offer; each command documents which it accepts. */
enum OutputFormat {
  text,
  json,
  yaml
}
