package dev.meshwright.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * istioctl's copy of legacy pilot Helm values into {@code components.pilot.k8s}: user
 * {@code values.pilot.env} (a map, becomes a name/value list sorted by name with text values, appended to a
 * {@code k8s.env} of the same overlay), {@code nodeSelector}, {@code resources} and
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
      // istioctl: entries sorted by name, values printed as text (Go's %v); appended to a k8s.env the user
      // gave in the same overlay, else they are the k8s.env
      JsonNode given = k8s(user).get("env");
      ArrayNode list = given instanceof ArrayNode a && !a.isEmpty() ? a : k8s(user).arrayNode();
      new java.util.TreeMap<>(toMap(env)).forEach((k, v) -> list.addObject().put("name", k).put("value", goText(v)));
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

  private static java.util.Map<String, JsonNode> toMap(JsonNode map) {
    java.util.Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
    map.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** A value as Go's {@code %v} prints it: scalars as text, maps as {@code map[k:v ...]} with sorted keys, lists as {@code [a b]}. */
  static String goText(JsonNode v) {
    if (v == null || v.isNull()) {
      return "<nil>";
    }
    if (v.isObject()) {
      StringBuilder sb = new StringBuilder("map[");
      new java.util.TreeMap<>(toMap(v)).forEach((k, x) -> sb.append(sb.length() > 4 ? " " : "").append(k).append(':')
          .append(goText(x)));
      return sb.append(']').toString();
    }
    if (v.isArray()) {
      java.util.List<String> items = new java.util.ArrayList<>();
      v.forEach(x -> items.add(goText(x)));
      return "[" + String.join(" ", items) + "]";
    }
    if (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e15) {
      return Long.toString((long) v.doubleValue());
    }
    return v.asText();
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
