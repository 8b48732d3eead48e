package dev.meshwright.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * istioctl's copy of legacy pilot Helm values into {@code components.pilot.k8s}: user
 * {@code values.pilot.env} (a map, becomes a name/value list), {@code nodeSelector}, {@code resources} and
 * the like win over k8s settings of the same overlay; {@code rollingMaxSurge}/{@code rollingMaxUnavailable}
 * become {@code strategy.rollingUpdate}. The values stay as they are; empty strings and zero are skipped.
 * Stateless.
 */
final class LegacyValues {
  /** values.pilot key to k8s key, for the keys copied as they are. */
  private static final Map<String, String> SAME = Map.ofEntries(
      Map.entry("nodeSelector", "nodeSelector"), Map.entry("tolerations", "tolerations"),
      Map.entry("resources", "resources"), Map.entry("replicaCount", "replicaCount"),
      Map.entry("podAnnotations", "podAnnotations"), Map.entry("podDisruptionBudget", "podDisruptionBudget"),
      Map.entry("priorityClassName", "priorityClassName"), Map.entry("readinessProbe", "readinessProbe"),
      Map.entry("imagePullPolicy", "imagePullPolicy"), Map.entry("serviceAnnotations", "serviceAnnotations"));

  private LegacyValues() {}

  /** Copies the legacy pilot values of the user overlay {@code user} into its pilot k8s settings. */
  static void copyPilot(ObjectNode user) {
    JsonNode pilot = user.path("values").path("pilot");
    if (!pilot.isObject()) {
      return;
    }
    for (Map.Entry<String, String> e : SAME.entrySet()) {
      JsonNode v = pilot.get(e.getKey());
      if (present(v)) {
        k8s(user).set(e.getValue(), v.deepCopy());
      }
    }
    JsonNode env = pilot.get("env");
    if (env != null && env.isObject() && !env.isEmpty()) {
      ArrayNode list = k8s(user).arrayNode();
      env.properties().forEach(p -> list.addObject().put("name", p.getKey()).set("value", p.getValue().deepCopy()));
      k8s(user).set("env", list);
    }
    for (String key : List.of("rollingMaxSurge", "rollingMaxUnavailable")) {
      JsonNode v = pilot.get(key);
      if (present(v)) {
        ObjectNode strategy = k8s(user).has("strategy") && k8s(user).get("strategy").isObject()
            ? (ObjectNode) k8s(user).get("strategy") : k8s(user).putObject("strategy");
        ObjectNode rolling = strategy.has("rollingUpdate") && strategy.get("rollingUpdate").isObject()
            ? (ObjectNode) strategy.get("rollingUpdate") : strategy.putObject("rollingUpdate");
        rolling.set(key.equals("rollingMaxSurge") ? "maxSurge" : "maxUnavailable", v.deepCopy());
      }
    }
  }

  private static boolean present(JsonNode v) {
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isTextual()) {
      return !v.asText().isEmpty();
    }
    return !(v.isNumber() && v.asDouble() == 0);
  }

  private static ObjectNode k8s(ObjectNode user) {
    ObjectNode components = user.has("components") && user.get("components").isObject()
        ? (ObjectNode) user.get("components") : user.putObject("components");
    ObjectNode pilot = components.has("pilot") && components.get("pilot").isObject()
        ? (ObjectNode) components.get("pilot") : components.putObject("pilot");
    return pilot.has("k8s") && pilot.get("k8s").isObject() ? (ObjectNode) pilot.get("k8s") : pilot.putObject("k8s");
  }
}
