package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** The first place two JSON trees differ, as {@code path: want X, got Y}, for failure reasons. */
final class JsonDiffText {
  private JsonDiffText() {}

  static String firstDifference(JsonNode want, JsonNode got) {
    String d = walk("", want, got);
    return d == null ? "(equal)" : d;
  }

  private static String walk(String path, JsonNode want, JsonNode got) {
    if (want == null || got == null) {
      return path + ": want " + abbreviate(want) + ", got " + abbreviate(got);
    }
    if (want.isObject() && got.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = want.properties().iterator(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        String d = walk(path + "." + e.getKey(), e.getValue(), got.get(e.getKey()));
        if (d != null) {
          return d;
        }
      }
      for (Map.Entry<String, JsonNode> e : got.properties()) {
        if (!want.has(e.getKey())) {
          return path + "." + e.getKey() + ": unexpected " + abbreviate(e.getValue());
        }
      }
      return null;
    }
    if (want.isArray() && got.isArray()) {
      for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
        String d = walk(path + "[" + i + "]", want.get(i), got.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return want.equals(got) ? null : path + ": want " + abbreviate(want) + ", got " + abbreviate(got);
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
