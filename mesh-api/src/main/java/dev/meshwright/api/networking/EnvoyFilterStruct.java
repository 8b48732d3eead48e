package dev.meshwright.api.networking;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deeply unmodifiable copies of {@code google.protobuf.Struct} values, recognisable as such so that
 * {@link EnvoyFilterPatch} copies a value only once. Stateless.
 */
final class EnvoyFilterStruct {
  private EnvoyFilterStruct() {}

  /** Whether {@code value} came from {@link #freeze}. */
  static boolean isFrozen(Map<String, ?> value) {
    return value instanceof FrozenMap;
  }

  /** A deeply unmodifiable copy, keeping key order. */
  static Map<String, Object> freeze(Map<String, ?> value) {
    return (FrozenMap) freezeValue(value);
  }

  private static Object freezeValue(Object value) {
    if (value instanceof FrozenMap || value instanceof FrozenList) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
      map.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
      return new FrozenMap(Collections.unmodifiableMap(copy));
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freezeValue(v)));
      return new FrozenList(Collections.unmodifiableList(copy));
    }
    return value;
  }

  private static final class FrozenMap extends AbstractMap<String, Object> {
    private final Map<String, Object> entries;

    FrozenMap(Map<String, Object> entries) {
      this.entries = entries;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return entries.entrySet();
    }

    @Override
    public Object get(Object key) {
      return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return entries.containsKey(key);
    }
  }

  private static final class FrozenList extends AbstractList<Object> {
    private final List<Object> elements;

    FrozenList(List<Object> elements) {
      this.elements = elements;
    }

    @Override
    public Object get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }
  }
}
