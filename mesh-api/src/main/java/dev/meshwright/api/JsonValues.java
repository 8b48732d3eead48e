package dev.meshwright.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for untyped JSON values ({@code Map<String, Object>}, {@code List<Object>}, strings, numbers,
 * booleans), as used for {@code google.protobuf.Struct} fields, status and generic resources.
 */
public final class JsonValues {
  private JsonValues() {}

  /** A deeply unmodifiable copy of a JSON object; {@code null} becomes an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freeze(Map<String, ?> value) {
    if (value == null || value.isEmpty()) {
      return Map.of();
    }
    return (Map<String, Object>) freezeValue(value);
  }

  private static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
      map.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
