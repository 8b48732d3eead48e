package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands {@code -f} arguments (files, directories searched recursively for .yaml/.yml/.json, or
 * {@code -} for standard input) into named texts. A path that cannot be read becomes a diagnostic.
 */
final class InputSources {
  /** One input text and the name diagnostics use for it. */
  record Source(String name, String text) {}

  /** The texts read, and the problems met reading them. */
  record Result(List<Source> sources, List<Diagnostic> problems) {}

  private InputSources() {}

  static Result read(List<String> args, InputStream stdin) {
    List<Source> sources = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-")) {
        try {
          sources.add(new Source("-", new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          problems.add(problem("-", "cannot read standard input: " + e.getMessage()));
        }
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path f : walk.filter(Files::isRegularFile).filter(InputSources::isConfigFile).sorted().toList()) {
            readFile(f, sources, problems);
          }
        } catch (IOException e) {
          problems.add(problem(arg, "cannot list directory: " + e.getMessage()));
        }
      } else {
        readFile(path, sources, problems);
      }
    }
    return new Result(sources, problems);
  }

  private static boolean isConfigFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static void readFile(Path f, List<Source> sources, List<Diagnostic> problems) {
    if (!Files.exists(f)) {
      problems.add(problem(f.toString(), "no such file or directory"));
      return;
    }
    try {
      sources.add(new Source(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      problems.add(problem(f.toString(), "cannot read file: " + e.getMessage()));
    }
  }

  private static Diagnostic problem(String source, String message) {
    return new Diagnostic(Severity.ERROR, source, 0, 0, "", "", "", "", message);
  }
}
