package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Comparison helpers for golden documents read as JSON trees. Stateless. */
final class JsonTrees {
  private JsonTrees() {}

  /** A copy without nulls and empty objects, lists and strings (what Go's serializer adds or drops). */
  static JsonNode prune(JsonNode node) {
    JsonNode p = pruneOrNull(node);
    return p == null ? JsonNodeFactory.instance.objectNode() : p;
  }

  private static JsonNode pruneOrNull(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = pruneOrNull(e.getValue());
        if (v != null) {
          copy.set(e.getKey(), v);
        }
      }
      return copy.isEmpty() ? null : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(v -> {
        JsonNode p = pruneOrNull(v);
        copy.add(p == null ? JsonNodeFactory.instance.objectNode() : p);
      });
      return copy.isEmpty() ? null : copy;
    }
    if (node.isTextual() && node.asText().isEmpty()) {
      return null;
    }
    return node;
  }

  /** Replaces the value of every field named {@code field} with {@code value}, in place. */
  static void blank(JsonNode node, String field, String value) {
    if (node instanceof ObjectNode o) {
      if (o.has(field)) {
        o.put(field, value);
      }
      o.forEach(v -> blank(v, field, value));
    } else if (node instanceof ArrayNode a) {
      a.forEach(v -> blank(v, field, value));
    }
  }

  /** Empty when the lists are equal; otherwise where the first difference is. */
  static String firstDifference(List<JsonNode> want, List<JsonNode> got) {
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      String d = diff("", want.get(i), got.get(i));
      if (!d.isEmpty()) {
        return "document " + i + " (" + label(want.get(i)) + "): " + d;
      }
    }
    if (want.size() != got.size()) {
      return "expected " + want.size() + " documents, got " + got.size()
          + (got.size() > want.size() ? "; extra " + label(got.get(want.size())) : "; missing " + label(want.get(got.size())));
    }
    return "";
  }

  private static String label(JsonNode doc) {
    JsonNode meta = doc.has("metadata") ? doc.get("metadata") : doc;
    return doc.path("kind").asText() + " " + meta.path("namespace").asText() + "/" + meta.path("name").asText();
  }

  private static String diff(String path, JsonNode want, JsonNode got) {
    if (want.equals(got)) {
      return "";
    }
    if (want.isObject() && got.isObject()) {
      for (Map.Entry<String, JsonNode> e : want.properties()) {
        if (!got.has(e.getKey())) {
          return path + "." + e.getKey() + " missing";
        }
        String d = diff(path + "." + e.getKey(), e.getValue(), got.get(e.getKey()));
        if (!d.isEmpty()) {
          return d;
        }
      }
      for (Map.Entry<String, JsonNode> e : got.properties()) {
        if (!want.has(e.getKey())) {
          return path + "." + e.getKey() + " unexpected: " + abbreviate(e.getValue());
        }
      }
    }
    if (want.isArray() && got.isArray()) {
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        String d = diff(path + "[" + i + "]", want.get(i), got.get(i));
        if (!d.isEmpty()) {
          return d;
        }
      }
      return path + ": expected " + want.size() + " items, got " + got.size();
    }
    return path + ": expected " + abbreviate(want) + ", got " + abbreviate(got);
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
