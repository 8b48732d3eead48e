package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A linear-time RFC 6902 diff of two Jackson trees, shaped for admission patches: objects are compared key by
 * key (removed keys first, then changed and added ones, recursing into containers of the same type) and arrays
 * position by position (surplus elements removed from the end backwards, missing ones appended, then the common
 * positions compared). It never emits {@code move} or {@code copy}, and never searches arrays for reordered
 * elements, so its cost is one walk over both trees; a reordered array gives a longer patch, not a wrong one.
 * Every operation's path is valid at the moment it is applied, in order. Values in the patch are the target
 * tree's own nodes (not copies): serialize the patch before changing {@code to}. Stateless and thread-safe.
 */
final class JsonDiff {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonDiff() {}

  /** The operations that turn {@code from} into {@code to}; empty when they are equal. */
  static ArrayNode diff(JsonNode from, JsonNode to) {
    ArrayNode ops = NODES.arrayNode();
    compare(from, to, new StringBuilder(), ops);
    return ops;
  }

  private static void compare(JsonNode from, JsonNode to, StringBuilder path, ArrayNode ops) {
    if (from.isObject() && to.isObject()) {
      compareObjects((ObjectNode) from, (ObjectNode) to, path, ops);
    } else if (from.isArray() && to.isArray()) {
      compareArrays((ArrayNode) from, (ArrayNode) to, path, ops);
    } else if (!from.equals(to)) {
      op(ops, "replace", path).set("value", to);
    }
  }

  private static void compareObjects(ObjectNode from, ObjectNode to, StringBuilder path, ArrayNode ops) {
    int mark = path.length();
    for (Map.Entry<String, JsonNode> field : from.properties()) {
      String name = field.getKey();
      if (!to.has(name)) {
        op(ops, "remove", appendKey(path, name));
        path.setLength(mark);
      }
    }
    for (Map.Entry<String, JsonNode> field : to.properties()) {
      JsonNode before = from.get(field.getKey());
      appendKey(path, field.getKey());
      if (before == null) {
        op(ops, "add", path).set("value", field.getValue());
      } else if (before != field.getValue()) {
        compare(before, field.getValue(), path, ops);
      }
      path.setLength(mark);
    }
  }

  private static void compareArrays(ArrayNode from, ArrayNode to, StringBuilder path, ArrayNode ops) {
    int mark = path.length();
    int common = Math.min(from.size(), to.size());
    for (int i = from.size() - 1; i >= common; i--) {
      op(ops, "remove", path.append('/').append(i));
      path.setLength(mark);
    }
    for (int i = common; i < to.size(); i++) {
      op(ops, "add", path.append('/').append(i)).set("value", to.get(i));
      path.setLength(mark);
    }
    for (int i = 0; i < common; i++) {
      if (from.get(i) != to.get(i)) {
        compare(from.get(i), to.get(i), path.append('/').append(i), ops);
      }
      path.setLength(mark);
    }
  }

  private static ObjectNode op(ArrayNode ops, String kind, CharSequence path) {
    ObjectNode op = ops.addObject();
    op.put("op", kind);
    op.put("path", path.toString());
    return op;
  }

  /** Appends {@code /name} with RFC 6901 escaping ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
  private static StringBuilder appendKey(StringBuilder path, String name) {
    path.append('/');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '~') {
        path.append("~0");
      } else if (c == '/') {
        path.append("~1");
      } else {
        path.append(c);
      }
    }
    return path;
  }
}
