package dev.meshwright.xds;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values computed once per key, where computing one may itself read the memo (so not
 * {@code ConcurrentHashMap.computeIfAbsent}, which refuses recursive updates): two threads missing one key may
 * both compute, and the first value stored wins. Keys are records whose class says what they stand for. Thread-safe.
 */
final class Memo {
  private final Map<Object, Object> entries = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    Object v = entries.get(key);
    if (v == null) {
      v = Objects.requireNonNull(compute.get(), "memo value");
      Object prev = entries.putIfAbsent(key, v);
      if (prev != null) {
        v = prev;
      }
    }
    return (T) v;
  }
}
