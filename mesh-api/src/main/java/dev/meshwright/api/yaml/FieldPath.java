package dev.meshwright.api.yaml;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Field paths in Meshwright's notation ({@code spec.http[0].route}), built from Jackson's contexts. */
final class FieldPath {
  private FieldPath() {}

  /** The path of a Jackson mapping error, below {@code prefix}. */
  static String of(String prefix, JsonMappingException e) {
    StringBuilder out = new StringBuilder(prefix);
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        append(out, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** The path of the parser's current position, below {@code prefix}. */
  static String of(String prefix, JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    Collections.reverse(parts);
    StringBuilder out = new StringBuilder(prefix);
    for (String part : parts) {
      if (part.startsWith(".")) {
        append(out, part.substring(1));
      } else {
        out.append(part);
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String field) {
    if (out.length() > 0) {
      out.append('.');
    }
    out.append(field);
  }

  /** Splits a path into field names (String) and list indexes (Integer). */
  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        flush(name, out);
      } else if (c == '[') {
        flush(name, out);
        int close = path.indexOf(']', i);
        if (close < 0) {
          break;
        }
        String inner = path.substring(i + 1, close);
        out.add(inner.matches("\\d+") ? (Object) Integer.valueOf(inner) : inner);
        i = close;
      } else {
        name.append(c);
      }
    }
    flush(name, out);
    return out;
  }

  private static void flush(StringBuilder name, List<Object> out) {
    if (name.length() > 0) {
      out.add(name.toString());
      name.setLength(0);
    }
  }
}
