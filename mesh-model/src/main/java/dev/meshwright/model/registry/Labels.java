package dev.meshwright.model.registry;

import java.util.Map;

/** Label selection the way Kubernetes and Istio do it. Stateless. */
public final class Labels {
  private Labels() {}

  /** Whether every entry of {@code selector} is in {@code labels}; an empty selector matches everything. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
