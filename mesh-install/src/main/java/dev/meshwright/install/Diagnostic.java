package dev.meshwright.install;

import java.util.Objects;

/**
 * One problem found while assembling install inputs: where it came from (a file name, {@code --set} or a
 * profile), the path inside the IstioOperator spec it concerns (may be empty) and what is wrong. Immutable.
 *
 * @param source the file, flag or profile the problem was found in
 * @param path the dotted spec path concerned, or empty
 * @param message what is wrong
 */
public record Diagnostic(String source, String path, String message) {
  public Diagnostic {
    Objects.requireNonNull(source, "source");
    path = Objects.requireNonNullElse(path, "");
    Objects.requireNonNull(message, "message");
  }

  /** {@code source: path: message}, leaving out an empty path. */
  @Override
  public String toString() {
    return source + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
