package dev.meshwright.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;

/** Resolves proto-JSON field paths ({@code spec.http[0].match[1].uri.regex}) in a tree. Stateless. */
final class FieldPaths {
  private FieldPaths() {}

  /** Whether {@code path} leads to a scalar (string, number, boolean) in {@code tree}. */
  static boolean isScalar(JsonNode tree, String path) {
    JsonNode n = tree;
    int i = 0;
    while (i < path.length() && n != null) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          return false;
        }
        try {
          n = n.isArray() ? n.get(Integer.parseInt(path.substring(i + 1, end))) : null;
        } catch (NumberFormatException e) {
          return false;
        }
        i = end + 1;
        continue;
      }
      int end = i;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      n = n.isObject() ? n.get(path.substring(i, end)) : null;
      i = end;
    }
    return n != null && n.isValueNode() && !n.isNull();
  }
}
