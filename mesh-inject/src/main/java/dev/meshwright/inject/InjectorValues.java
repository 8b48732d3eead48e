package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The injector's Helm values: the {@code values} key of the {@code istio-sidecar-injector} ConfigMap
 * ({@code values.gen.yaml}, JSON), layered over the istiod chart's defaults. Read with dotted paths
 * ({@code global.proxy.statusPort}); {@link #withSet} applies one {@code --set path=value}. Immutable: the tree is
 * copied in and never handed out.
 */
public final class InjectorValues {
  private final ObjectNode tree;

  private InjectorValues(ObjectNode tree) {
    this.tree = tree;
  }

  /** The istiod chart's defaults (hub {@code docker.io/istio}, tag {@code 1.22.8}, CNI off, probe rewrite on). */
  public static InjectorValues defaults() {
    return new InjectorValues(InjectorDefaults.values());
  }

  /** {@code values} (a parsed values file) layered over {@link #defaults()}; objects merge, other values replace. */
  public static InjectorValues of(JsonNode values) {
    ObjectNode base = InjectorDefaults.values();
    if (values != null && values.isObject()) {
      merge(base, (ObjectNode) values);
    }
    return new InjectorValues(base);
  }

  /**
   * A copy with one value set, as {@code --set global.proxy.image=x} does (a leading {@code values.} is
   * accepted); {@code true}/{@code false} and integers become booleans and numbers, anything else a string.
   *
   * @throws IllegalArgumentException when the path is empty or crosses a value that is not an object
   */
  public InjectorValues withSet(String path, String value) {
    String p = path.startsWith("values.") ? path.substring("values.".length()) : path;
    if (p.isBlank()) {
      throw new IllegalArgumentException("empty --set path");
    }
    ObjectNode copy = tree.deepCopy();
    String[] parts = p.split("\\.");
    ObjectNode at = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = at.get(parts[i]);
      if (next != null && !next.isObject() && !next.isNull()) {
        throw new IllegalArgumentException(p + ": " + String.join(".", java.util.Arrays.copyOf(parts, i + 1))
            + " is not an object");
      }
      at = Json.child(at, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (value.equals("true") || value.equals("false")) {
      at.put(last, Boolean.parseBoolean(value));
    } else if (value.matches("-?[0-9]{1,18}")) {
      at.put(last, Long.parseLong(value));
    } else {
      at.put(last, value);
    }
    return new InjectorValues(copy);
  }

  /** The node at a dotted path, or a missing node. */
  JsonNode node(String path) {
    JsonNode n = tree;
    for (String part : path.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  /** The value at a path as Go's template would print it; empty when absent or null. */
  String text(String path) {
    return format(node(path));
  }

  /** Whether the value at a path is Go-truthy (true, a non-empty string, a non-zero number, a non-empty container). */
  boolean truthy(String path) {
    JsonNode n = node(path);
    if (n.isMissingNode() || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue() != 0;
    }
    if (n.isContainerNode()) {
      return n.size() > 0;
    }
    return !n.asText().isEmpty();
  }

  /** A copy of the object at a path, if there is one. */
  Optional<ObjectNode> object(String path) {
    JsonNode n = node(path);
    return n.isObject() ? Optional.of(((ObjectNode) n).deepCopy()) : Optional.empty();
  }

  /** A scalar as Go prints it: numbers without a trailing {@code .0}, booleans as {@code true}/{@code false}. */
  static String format(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return "";
    }
    if (n.isNumber()) {
      BigDecimal d = n.decimalValue().stripTrailingZeros();
      return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }
    return n.asText();
  }

  private static void merge(ObjectNode base, ObjectNode over) {
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      JsonNode current = base.get(e.getKey());
      if (current instanceof ObjectNode co && e.getValue() instanceof ObjectNode eo) {
        merge(co, eo);
      } else {
        base.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InjectorValues v && v.tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tree);
  }

  @Override
  public String toString() {
    return tree.toString();
  }
}
