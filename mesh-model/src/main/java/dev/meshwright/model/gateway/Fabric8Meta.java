package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** Null-safe reads of fabric8 object metadata, with Kubernetes defaults (namespace {@code default}). Stateless. */
final class Fabric8Meta {
  private Fabric8Meta() {}

  /** The namespace, {@code default} when unset. */
  static String namespace(ObjectMeta meta) {
    String ns = meta == null ? null : meta.getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  static String name(ObjectMeta meta) {
    String n = meta == null ? null : meta.getName();
    return n == null ? "" : n;
  }

  static long generation(ObjectMeta meta) {
    Long g = meta == null ? null : meta.getGeneration();
    return g == null ? 0 : g;
  }

  static Map<String, String> annotations(ObjectMeta meta) {
    Map<String, String> a = meta == null ? null : meta.getAnnotations();
    return a == null ? Map.of() : a;
  }

  static Map<String, String> labels(ObjectMeta meta) {
    Map<String, String> a = meta == null ? null : meta.getLabels();
    return a == null ? Map.of() : a;
  }

  static String creationTimestamp(ObjectMeta meta) {
    String t = meta == null ? null : meta.getCreationTimestamp();
    return t == null ? "" : t;
  }

  static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  static boolean nullOrEqual(String have, String expected) {
    return have == null || have.equals(expected);
  }
}
