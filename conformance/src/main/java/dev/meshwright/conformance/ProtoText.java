package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Protobuf text format, as Istio's {@code .proxycfg} test inputs are written, read into the proto3 JSON shape
 * Meshwright's codec binds: names in lowerCamelCase, {@code {seconds: 5}} as {@code "5s"}, wrapper messages
 * ({@code {value: 201}}) as their value, map entries ({@code [{key: k value: v}]}) as objects, a field repeated
 * as an array. Enum values given as numbers are left as numbers. Throws {@link IllegalArgumentException} with the
 * offset on malformed text. Stateless.
 */
final class ProtoText {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> MAP_FIELDS = Set.of("runtimeValues", "proxyMetadata");

  private final String text;
  private int pos;

  private ProtoText(String text) {
    this.text = text;
  }

  /** {@code text} as a JSON object. */
  static ObjectNode parse(String text) {
    ProtoText p = new ProtoText(text);
    ObjectNode out = p.message('\0');
    return (ObjectNode) shape(out);
  }

  private ObjectNode message(char close) {
    ObjectNode out = NODES.objectNode();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        if (close != '\0') {
          throw error("expected '" + close + "'");
        }
        return out;
      }
      if (text.charAt(pos) == close) {
        pos++;
        return out;
      }
      String name = camel(identifier());
      skipSpace();
      boolean colon = peek(':');
      if (colon) {
        pos++;
        skipSpace();
      }
      JsonNode value;
      if (peek('[')) {
        pos++;
        ArrayNode list = NODES.arrayNode();
        skipSpace();
        while (!peek(']')) {
          list.add(value());
          skipSpace();
          if (peek(',')) {
            pos++;
            skipSpace();
          }
        }
        pos++;
        value = list;
      } else {
        value = value();
      }
      add(out, name, value);
      skipSpace();
      if (peek(',') || peek(';')) {
        pos++;
      }
    }
  }

  private JsonNode value() {
    skipSpace();
    if (peek('{')) {
      pos++;
      return message('}');
    }
    if (peek('<')) {
      pos++;
      return message('>');
    }
    if (peek('"') || peek('\'')) {
      StringBuilder s = new StringBuilder();
      while (peek('"') || peek('\'')) {
        s.append(string());
        skipSpace();
      }
      return NODES.textNode(s.toString());
    }
    String word = identifier();
    if (word.matches("[-+]?(\\d+\\.?\\d*([eE][-+]?\\d+)?|\\.\\d+)")) {
      return NODES.numberNode(new BigDecimal(word));
    }
    return switch (word) {
      case "true", "True", "t" -> NODES.booleanNode(true);
      case "false", "False", "f" -> NODES.booleanNode(false);
      default -> NODES.textNode(word);
    };
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder s = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        s.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        s.append(c);
      }
    }
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    pos++;
    return s.toString();
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_.-+/".indexOf(text.charAt(pos)) >= 0)) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a name or value");
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("proto text at offset " + pos + ": " + what);
  }

  /** A repeated field collects into an array. */
  private static void add(ObjectNode out, String name, JsonNode value) {
    JsonNode old = out.get(name);
    if (old == null) {
      out.set(name, value);
    } else if (old.isArray()) {
      if (value.isArray()) {
        ((ArrayNode) old).addAll((ArrayNode) value);
      } else {
        ((ArrayNode) old).add(value);
      }
    } else {
      ArrayNode list = NODES.arrayNode().add(old);
      if (value.isArray()) {
        list.addAll((ArrayNode) value);
      } else {
        list.add(value);
      }
      out.set(name, list);
    }
  }

  /** Durations, wrappers and map entries in their proto3 JSON form. */
  private static JsonNode shape(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(shape(n)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode o = (ObjectNode) node;
    if (!o.isEmpty() && allIn(o, Set.of("seconds", "nanos"))) {
      BigDecimal seconds = o.path("seconds").decimalValue().add(o.path("nanos").decimalValue().movePointLeft(9));
      return NODES.textNode(seconds.stripTrailingZeros().toPlainString() + "s");
    }
    if (o.size() == 1 && o.has("value") && (o.get("value").isNumber() || o.get("value").isBoolean())) {
      return o.get("value");
    }
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (MAP_FIELDS.contains(e.getKey())) {
        ObjectNode map = NODES.objectNode();
        (v.isArray() ? v : NODES.arrayNode().add(v)).forEach(entry -> map.set(entry.path("key").asText(),
            shape(entry.path("value"))));
        out.set(e.getKey(), map);
      } else {
        out.set(e.getKey(), shape(v));
      }
    }
    return out;
  }

  private static boolean allIn(ObjectNode o, Set<String> names) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      if (!names.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
