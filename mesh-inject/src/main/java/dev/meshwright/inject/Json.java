package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small helpers for the Jackson trees the injector edits (pods, containers, env lists). Stateless. */
final class Json {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode obj() {
    return F.objectNode();
  }

  static ArrayNode arr() {
    return F.arrayNode();
  }

  /** The object at {@code key}, created (replacing a non-object) when absent. */
  static ObjectNode child(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(key);
  }

  /** The array at {@code key}, created when absent. */
  static ArrayNode array(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n instanceof ArrayNode a) {
      return a;
    }
    return parent.putArray(key);
  }

  /** The text at {@code key}, empty when absent or not a scalar. */
  static String text(JsonNode node, String key) {
    JsonNode n = node == null ? null : node.get(key);
    return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText();
  }

  /** A string map (labels, annotations); non-string values are written as text. */
  static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> {
        if (!e.getValue().isNull()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      });
    }
    return out;
  }

  /** The element of {@code list} whose {@code name} is {@code name}. */
  static Optional<ObjectNode> named(JsonNode list, String name) {
    if (list != null && list.isArray()) {
      for (JsonNode n : list) {
        if (n instanceof ObjectNode o && name.equals(text(o, "name"))) {
          return Optional.of(o);
        }
      }
    }
    return Optional.empty();
  }

  /** An env entry {@code {name, value}}; an empty value is left out, as Kubernetes serialises it. */
  static ObjectNode env(String name, String value) {
    ObjectNode e = obj();
    e.put("name", name);
    if (!value.isEmpty()) {
      e.put("value", value);
    }
    return e;
  }

  /** An env entry whose value comes from a pod field. */
  static ObjectNode fieldEnv(String name, String fieldPath) {
    ObjectNode e = obj();
    e.put("name", name);
    e.putObject("valueFrom").putObject("fieldRef").put("fieldPath", fieldPath);
    return e;
  }

  /** An env entry whose value comes from a container resource. */
  static ObjectNode resourceEnv(String name, String resource) {
    ObjectNode e = obj();
    e.put("name", name);
    e.putObject("valueFrom").putObject("resourceFieldRef").put("resource", resource);
    return e;
  }

  /** A string array. */
  static ArrayNode strings(String... values) {
    ArrayNode a = arr();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }
}
