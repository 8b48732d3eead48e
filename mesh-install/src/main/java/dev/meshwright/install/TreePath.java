package dev.meshwright.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code --set}/{@code --config-path} path: dot-separated keys ({@code \.} escapes a dot), list
 * steps {@code [N]} (index), {@code [key:value]} (element whose field equals value) and {@code [value]}
 * (scalar element equal to value). A leading {@code spec.} is dropped. Immutable.
 *
 * @param steps the steps in order
 */
public record TreePath(List<Step> steps) {
  public TreePath {
    steps = List.copyOf(steps);
  }

  /** One step of a path. */
  public sealed interface Step {}

  /** A map key. @param name the key, unescaped */
  public record Key(String name) implements Step {}

  /** A list index; an index past the end appends when writing. @param index the index */
  public record Index(int index) implements Step {}

  /** The list element whose field {@code field} equals {@code value}. @param field the field @param value the value */
  public record Match(String field, String value) implements Step {}

  /** The scalar list element equal to {@code value}. @param value the value */
  public record Scalar(String value) implements Step {}

  /** Parses {@code text}; empty with no steps for an empty path, or empty Optional for a malformed one. */
  public static Optional<TreePath> parse(String text) {
    List<Step> steps = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    boolean keyPending = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        key.append(text.charAt(i + 1));
        keyPending = true;
        i += 2;
      } else if (c == '.') {
        if (keyPending) {
          steps.add(new Key(key.toString()));
        }
        key.setLength(0);
        keyPending = false;
        i++;
      } else if (c == '[') {
        if (keyPending) {
          steps.add(new Key(key.toString()));
        }
        key.setLength(0);
        keyPending = false;
        int end = text.indexOf(']', i);
        if (end < 0) {
          return Optional.empty();
        }
        steps.add(selector(text.substring(i + 1, end)));
        i = end + 1;
      } else {
        key.append(c);
        keyPending = true;
        i++;
      }
    }
    if (keyPending) {
      steps.add(new Key(key.toString()));
    }
    if (!steps.isEmpty() && steps.get(0) instanceof Key k && k.name().equals("spec")) {
      steps.remove(0);
    }
    return Optional.of(new TreePath(steps));
  }

  private static Step selector(String inner) {
    if (inner.matches("\\d+")) {
      return new Index(Integer.parseInt(inner));
    }
    int colon = inner.indexOf(':');
    return colon > 0 ? new Match(inner.substring(0, colon), inner.substring(colon + 1)) : new Scalar(inner);
  }

  /** The map keys only, dot-joined: the shape used to check a path against the known spec paths. */
  public String keysOnly() {
    return String.join(".", steps.stream().filter(Key.class::isInstance).map(s -> ((Key) s).name()).toList());
  }

  /** The map keys only, as a list. */
  public List<String> keys() {
    return steps.stream().filter(Key.class::isInstance).map(s -> ((Key) s).name()).toList();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      if (s instanceof Key k) {
        sb.append(sb.isEmpty() ? "" : ".").append(k.name().replace(".", "\\."));
      } else if (s instanceof Index x) {
        sb.append('[').append(x.index()).append(']');
      } else if (s instanceof Match m) {
        sb.append('[').append(m.field()).append(':').append(m.value()).append(']');
      } else if (s instanceof Scalar v) {
        sb.append('[').append(v.value()).append(']');
      }
    }
    return sb.toString();
  }
}
