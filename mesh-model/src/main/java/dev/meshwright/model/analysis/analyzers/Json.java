package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small readers over proto-JSON trees, treating absent and null alike. Stateless. */
final class Json {
  private Json() {}

  /** The text at {@code field}, or empty. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : "";
  }

  /** The integer at {@code field}, or 0. */
  static long number(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asLong() : v.isTextual() ? parse(v.asText()) : 0;
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The array elements at {@code field} (empty when absent). */
  static List<JsonNode> list(JsonNode node, String field) {
    JsonNode v = node.path(field);
    List<JsonNode> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(out::add);
    }
    return out;
  }

  /** The string elements at {@code field}. */
  static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list(node, field)) {
      out.add(n.asText());
    }
    return out;
  }

  /** A JSON object of strings as a map (insertion order kept). */
  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** The container list of a pod spec, or of a pod template's spec, with init containers when asked. */
  static List<JsonNode> containers(JsonNode podSpec, boolean withInit) {
    List<JsonNode> out = list(podSpec, "containers");
    if (withInit) {
      out.addAll(list(podSpec, "initContainers"));
    }
    return out;
  }
}
