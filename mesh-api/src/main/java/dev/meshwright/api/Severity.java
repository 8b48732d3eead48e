package dev.meshwright.api;

import java.util.Locale;

/** How bad a {@link Diagnostic} is. Errors make a resource invalid; warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in {@code meshctl} output ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
