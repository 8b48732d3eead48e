package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Object-level and field-level differences between two manifests: objects keyed by
 * {@code Kind:namespace:name} present on one side only, and for objects on both sides every differing
 * field path ({@code spec.template.spec.containers[0].image}) with both values. Immutable.
 *
 * @param onlyInA keys of objects only in the first manifest, sorted
 * @param onlyInB keys of objects only in the second manifest, sorted
 * @param changed per common object key, the differing fields
 */
public record ManifestDiff(List<String> onlyInA, List<String> onlyInB, Map<String, List<FieldChange>> changed) {
  public ManifestDiff {
    onlyInA = List.copyOf(onlyInA);
    onlyInB = List.copyOf(onlyInB);
    changed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changed));
  }

  /** One differing field. @param path the field path @param a the first value (absent: null) @param b the second */
  public record FieldChange(String path, JsonNode a, JsonNode b) {}

  /** Compares two lists of objects. */
  public static ManifestDiff of(List<ObjectNode> a, List<ObjectNode> b) {
    Map<String, ObjectNode> left = index(a);
    Map<String, ObjectNode> right = index(b);
    List<String> onlyA = left.keySet().stream().filter(k -> !right.containsKey(k)).sorted().toList();
    List<String> onlyB = right.keySet().stream().filter(k -> !left.containsKey(k)).sorted().toList();
    Map<String, List<FieldChange>> changed = new LinkedHashMap<>();
    for (String k : new TreeSet<>(left.keySet())) {
      if (right.containsKey(k)) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", left.get(k), right.get(k), changes);
        if (!changes.isEmpty()) {
          changed.put(k, changes);
        }
      }
    }
    return new ManifestDiff(onlyA, onlyB, changed);
  }

  /** Whether the manifests hold the same objects with the same content. */
  public boolean identical() {
    return onlyInA.isEmpty() && onlyInB.isEmpty() && changed.isEmpty();
  }

  /** A report naming {@code nameA}/{@code nameB}; {@code Manifests are identical} when nothing differs. */
  public String render(String nameA, String nameB) {
    if (identical()) {
      return "Manifests are identical\n";
    }
    StringBuilder sb = new StringBuilder();
    if (!onlyInA.isEmpty()) {
      sb.append("Objects in ").append(nameA).append(" but not in ").append(nameB).append(":\n");
      onlyInA.forEach(k -> sb.append("  ").append(k).append('\n'));
    }
    if (!onlyInB.isEmpty()) {
      sb.append("Objects in ").append(nameB).append(" but not in ").append(nameA).append(":\n");
      onlyInB.forEach(k -> sb.append("  ").append(k).append('\n'));
    }
    changed.forEach((k, changes) -> {
      sb.append("Object ").append(k).append(" has diffs:\n");
      for (FieldChange c : changes) {
        sb.append("  ").append(c.path()).append(": ").append(show(c.a())).append(" -> ").append(show(c.b())).append('\n');
      }
    });
    return sb.toString();
  }

  private static String show(JsonNode n) {
    return n == null ? "<absent>" : n.toString();
  }

  /** {@code Kind:namespace:name} of an object tree. */
  public static String key(JsonNode o) {
    JsonNode ns = o.path("metadata").path("namespace");
    return o.path("kind").asText() + ":" + (ns.isTextual() ? ns.asText() : "") + ":"
        + o.path("metadata").path("name").asText();
  }

  private static Map<String, ObjectNode> index(List<ObjectNode> objects) {
    Map<String, ObjectNode> m = new LinkedHashMap<>();
    objects.forEach(o -> m.put(key(o), o));
    return m;
  }

  private static void compare(String path, JsonNode a, JsonNode b, List<FieldChange> out) {
    if (a != null && b != null && a.equals(b)) {
      return;
    }
    if (a instanceof ObjectNode x && b instanceof ObjectNode y) {
      TreeSet<String> keys = new TreeSet<>();
      x.fieldNames().forEachRemaining(keys::add);
      y.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        compare(path.isEmpty() ? k : path + "." + k, x.get(k), y.get(k), out);
      }
      return;
    }
    if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        compare(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
      return;
    }
    out.add(new FieldChange(path, a, b));
  }
}
