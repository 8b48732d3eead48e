package dev.meshwright.model.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small readers over the JSON trees a {@link dev.meshwright.api.GenericResource} keeps; never throw. */
final class Json {
  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String field) {
    if (node instanceof Map<?, ?> m && m.get(field) instanceof Map<?, ?> v) {
      return (Map<String, Object>) v;
    }
    return Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String field) {
    if (node instanceof Map<?, ?> m && m.get(field) instanceof List<?> v) {
      return (List<Object>) v;
    }
    return List.of();
  }

  static Optional<String> string(Object node, String field) {
    if (node instanceof Map<?, ?> m && m.get(field) instanceof String v) {
      return Optional.of(v);
    }
    return Optional.empty();
  }

  static Optional<Integer> integer(Object node, String field) {
    if (node instanceof Map<?, ?> m) {
      Object v = m.get(field);
      if (v instanceof Number n) {
        return Optional.of(n.intValue());
      }
    }
    return Optional.empty();
  }

  static Optional<Boolean> bool(Object node, String field) {
    if (node instanceof Map<?, ?> m && m.get(field) instanceof Boolean v) {
      return Optional.of(v);
    }
    return Optional.empty();
  }

  static Map<String, String> strings(Object node, String field) {
    Map<String, Object> raw = map(node, field);
    if (raw.isEmpty()) {
      return Map.of();
    }
    java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
    raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
