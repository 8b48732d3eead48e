package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Small builders and readers for Jackson trees used by the component renderers. Stateless. */
final class Tree {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Tree() {}

  /** A map from alternating keys and values; values may be {@code JsonNode}, String, Integer, Boolean or null. */
  static ObjectNode obj(Object... kv) {
    ObjectNode o = NODES.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      o.set((String) kv[i], node(kv[i + 1]));
    }
    return o;
  }

  /** A list of the given values (converted as in {@link #obj}). */
  static ArrayNode arr(Object... items) {
    ArrayNode a = NODES.arrayNode();
    for (Object i : items) {
      a.add(node(i));
    }
    return a;
  }

  static JsonNode node(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    throw new IllegalArgumentException("unsupported value " + v.getClass());
  }

  /** {@code apiVersion}, {@code kind} and {@code metadata} of a new object (namespace left out when null). */
  static ObjectNode object(String apiVersion, String kind, String name, String namespace, ObjectNode labels) {
    ObjectNode meta = obj("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    if (labels != null) {
      meta.set("labels", labels);
    }
    return obj("apiVersion", apiVersion, "kind", kind, "metadata", meta);
  }

  /** The text at {@code path} (dotted keys), or {@code def} when missing, null or empty. */
  static String text(JsonNode root, String path, String def) {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return def;
    }
    String s = scalar(n);
    return s.isEmpty() ? def : s;
  }

  /** The node at dotted {@code path}; a missing node when any step is absent. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String k : path.split("\\.")) {
      n = n.path(k);
    }
    return n;
  }

  /** Whether {@code path} holds a Helm-truthy value (non-empty, non-zero, true). */
  static boolean truthy(JsonNode root, String path) {
    return truthy(at(root, path));
  }

  static boolean truthy(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue() != 0;
    }
    if (n.isTextual()) {
      return !n.textValue().isEmpty();
    }
    return n.size() > 0;
  }

  /** A scalar as Helm prints it: integral floats without a fraction, strings as is. */
  static String scalar(JsonNode n) {
    if (n.isNumber() && !n.isIntegralNumber() && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 1e15) {
      return Long.toString((long) n.doubleValue());
    }
    return n.asText();
  }

  /** A copy of the map at {@code path}, or an empty map. */
  static ObjectNode map(JsonNode root, String path) {
    JsonNode n = at(root, path);
    return n instanceof ObjectNode o ? o.deepCopy() : NODES.objectNode();
  }

  /** Copies every entry of {@code from} into {@code to} (later wins) and returns {@code to}. */
  static ObjectNode with(ObjectNode to, ObjectNode from) {
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      to.set(e.getKey(), e.getValue().deepCopy());
    }
    return to;
  }

  /** Merges {@code overlay} into {@code base} like a JSON merge patch without deletion: maps merge, the rest replaces. */
  static ObjectNode mergeValues(ObjectNode base, JsonNode overlay) {
    if (!(overlay instanceof ObjectNode o)) {
      return base;
    }
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      JsonNode current = base.get(e.getKey());
      if (current instanceof ObjectNode c && e.getValue() instanceof ObjectNode) {
        mergeValues(c, e.getValue());
      } else if (e.getValue() instanceof ObjectNode v) {
        base.set(e.getKey(), mergeValues(NODES.objectNode(), v));
      } else {
        base.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return base;
  }
}
