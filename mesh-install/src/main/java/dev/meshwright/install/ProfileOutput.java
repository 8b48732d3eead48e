package dev.meshwright.install;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text forms of {@code profile dump}: YAML with sorted keys (as istioctl prints it), JSON, and the
 * {@code flags} form (one {@code path=value} per leaf, sorted, strings Go-quoted). Stateless.
 */
public final class ProfileOutput {
  private static final Pattern PLAIN_UNSAFE = Pattern.compile(
      "^$|^[-?:,\\[\\]{}#&*!|>'\"%@`~ ]|.*[:#]( |$).*|.*\\s$|^(true|false|yes|no|on|off|null|y|n|~)$"
          + "|^[-+]?(\\d[\\d_]*)?\\.?\\d+([eE][-+]?\\d+)?$|^0x[0-9a-fA-F]+$|^[-+]?\\.(inf|nan)$|.*[\\n\\t].*",
      Pattern.CASE_INSENSITIVE);

  private ProfileOutput() {}

  /** The whole IstioOperator document holding {@code spec}, as YAML with {@code indent} spaces per level. */
  public static String document(JsonNode spec, int indent) {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n");
    ObjectNode rest = JsonNodeFactory.instance.objectNode();
    rest.set("spec", spec);
    sb.append(yaml(rest, indent));
    return sb.toString();
  }

  /** Any node as block YAML with sorted keys. */
  public static String yaml(JsonNode node, int indent) {
    StringBuilder sb = new StringBuilder();
    if (node.isValueNode() || node.isEmpty()) {
      return inline(node) + "\n";
    }
    emit(sb, node, 0, indent);
    return sb.toString();
  }

  private static void emit(StringBuilder sb, JsonNode node, int level, int indent) {
    String pad = " ".repeat(level);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : sorted(node).entrySet()) {
        sb.append(pad).append(scalar(e.getKey())).append(':');
        child(sb, e.getValue(), level, indent, level + indent);
      }
    } else {
      for (JsonNode item : node) {
        sb.append(pad).append('-');
        if (item.isObject() && !item.isEmpty()) {
          StringBuilder inner = new StringBuilder();
          emit(inner, item, level + 2, indent);
          sb.append(' ').append(inner.substring(level + 2));
        } else if (item.isArray() && !item.isEmpty()) {
          sb.append('\n');
          emit(sb, item, level + 2, indent);
        } else {
          sb.append(' ').append(inline(item)).append('\n');
        }
      }
    }
  }

  private static void child(StringBuilder sb, JsonNode value, int level, int indent, int next) {
    if (value.isContainerNode() && !value.isEmpty()) {
      sb.append('\n');
      emit(sb, value, value.isArray() && indent == 2 ? level : next, indent);
    } else {
      sb.append(' ').append(inline(value)).append('\n');
    }
  }

  private static String inline(JsonNode node) {
    if (node.isObject()) {
      return "{}";
    }
    if (node.isArray()) {
      return "[]";
    }
    if (node.isTextual()) {
      return scalar(node.asText());
    }
    return node.isNull() ? "null" : node.asText();
  }

  private static String scalar(String s) {
    return PLAIN_UNSAFE.matcher(s).matches() ? quote(s) : s;
  }

  private static Map<String, JsonNode> sorted(JsonNode obj) {
    Map<String, JsonNode> m = new TreeMap<>();
    obj.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** Pretty-printed JSON of {@code node}. */
  public static String json(JsonNode node) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The flags form: one {@code path=value} line per leaf, sorted as strings; empty maps print nothing. */
  public static String flags(JsonNode node) {
    List<String> lines = new ArrayList<>();
    leaves(node, "", lines);
    lines.sort(null);
    StringBuilder sb = new StringBuilder();
    lines.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  private static void leaves(JsonNode node, String prefix, List<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> leaves(e.getValue(),
          (prefix.isEmpty() ? "" : prefix + ".") + e.getKey().replace(".", "\\."), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), prefix + "[" + i + "]", out);
      }
    } else {
      out.add(prefix + "=" + (node.isTextual() ? quote(node.asText()) : node.isNull() ? "<nil>" : node.asText()));
    }
  }

  /** A Go {@code %q}-style double-quoted string. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
