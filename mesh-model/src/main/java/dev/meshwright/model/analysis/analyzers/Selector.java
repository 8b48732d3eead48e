package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes equality label selector built from a label set (Istio's {@code SelectorFromSet}): every
 * key must be present with the same value; an empty selector matches everything. Prints as
 * {@code k1=v1,k2=v2} with keys sorted. Immutable.
 */
record Selector(Map<String, String> labels) {
  Selector {
    labels = Map.copyOf(labels);
  }

  static Selector of(Map<String, String> labels) {
    return new Selector(labels);
  }

  /** A selector from a JSON object of string values (missing or non-object: empty). */
  static Selector of(JsonNode node) {
    return new Selector(Json.stringMap(node));
  }

  boolean isEmpty() {
    return labels.isEmpty();
  }

  boolean matches(Map<String, String> set) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(set.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code prefix} plus the first label key in sorted order (where Istio looks up a selector's line), or empty. */
  String firstLabelPath(String prefix) {
    return labels.isEmpty() ? "" : prefix + new TreeMap<>(labels).firstKey();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }
}
