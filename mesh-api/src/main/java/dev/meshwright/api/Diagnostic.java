package dev.meshwright.api;

import java.util.Objects;

/**
 * One problem found in user input: a parse error, a binding error or a validation finding.
 *
 * <p>Every diagnostic names where it comes from as precisely as is known: the source (a file name or
 * {@code -}), the position in it (line and column, 1-based, 0 when unknown), the resource (kind,
 * namespace, name; empty when the document could not be read that far) and the field path inside the
 * resource ({@code spec.http[0].route[1].weight}; empty for the whole resource). Immutable.
 *
 * @param severity error or warning
 * @param source the file name, {@code -} for standard input, or empty
 * @param line 1-based line of the document or field, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param kind the resource kind, or empty
 * @param namespace the resource namespace, or empty
 * @param name the resource name, or empty
 * @param path the field path inside the resource, or empty
 * @param message what is wrong, in Istio's words where Istio has words for it
 */
public record Diagnostic(
    Severity severity,
    String source,
    int line,
    int column,
    String kind,
    String namespace,
    String name,
    String path,
    String message) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    source = Objects.requireNonNullElse(source, "");
    kind = Objects.requireNonNullElse(kind, "");
    namespace = Objects.requireNonNullElse(namespace, "");
    name = Objects.requireNonNullElse(name, "");
    path = Objects.requireNonNullElse(path, "");
    Objects.requireNonNull(message, "message");
  }

  /** An error about a field of no particular resource or place. */
  public static Diagnostic error(String path, String message) {
    return new Diagnostic(Severity.ERROR, "", 0, 0, "", "", "", path, message);
  }

  /** A warning about a field of no particular resource or place. */
  public static Diagnostic warning(String path, String message) {
    return new Diagnostic(Severity.WARNING, "", 0, 0, "", "", "", path, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This diagnostic attributed to a resource. */
  public Diagnostic withResource(String kind, String namespace, String name) {
    return new Diagnostic(severity, source, line, column, kind, namespace, name, path, message);
  }

  /** This diagnostic attributed to a source and position (keeps a known position if none is given). */
  public Diagnostic withSource(String source, int line, int column) {
    return new Diagnostic(
        severity, source, line > 0 ? line : this.line, line > 0 ? column : this.column,
        kind, namespace, name, path, message);
  }

  /** This diagnostic with its path placed under {@code prefix} (e.g. {@code spec}). */
  public Diagnostic under(String prefix) {
    String joined = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
    return new Diagnostic(severity, source, line, column, kind, namespace, name, joined, message);
  }

  /**
   * The one-line form used by {@code meshctl validate}:
   * {@code error: FILE: Kind ns/name: field.path: message}; parts that are unknown are left out, and a
   * known position is written as {@code FILE:LINE:COL}.
   */
  public String format() {
    StringBuilder out = new StringBuilder(severity.label()).append(": ");
    if (!source.isEmpty()) {
      out.append(source);
      if (line > 0) {
        out.append(':').append(line);
        if (column > 0) {
          out.append(':').append(column);
        }
      }
      out.append(": ");
    }
    if (!kind.isEmpty()) {
      out.append(kind).append(' ');
      if (!namespace.isEmpty()) {
        out.append(namespace).append('/');
      }
      out.append(name.isEmpty() ? "<unnamed>" : name).append(": ");
    }
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
