package dev.meshwright.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One {@code --set path=value} flag, parsed and typed as istioctl does: the value becomes an integer,
 * else a float, else {@code true}/{@code false}, else a string (with {@code \,} read as {@code ,});
 * {@code compatibilityVersion} always stays a string. Immutable.
 *
 * @param text the flag as given
 * @param path the parsed path (leading {@code spec.} dropped)
 * @param value the typed value
 */
public record SetFlag(String text, TreePath path, JsonNode value) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Parses one flag; a malformed flag or an unknown spec path becomes a diagnostic. */
  public static Result parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0 || text.indexOf('=', eq + 1) >= 0) {
      return new Result(Optional.empty(), Optional.of(
          new Diagnostic("--set", text, "must have exactly one '=' (path=value)")));
    }
    Optional<TreePath> path = TreePath.parse(text.substring(0, eq).strip());
    if (path.isEmpty()) {
      return new Result(Optional.empty(), Optional.of(new Diagnostic("--set", text, "malformed path")));
    }
    Optional<String> unknown = SpecPaths.check(path.get().keys());
    if (unknown.isPresent()) {
      return new Result(Optional.empty(), Optional.of(new Diagnostic("--set", path.get().toString(), unknown.get())));
    }
    String raw = text.substring(eq + 1);
    JsonNode value = path.get().keysOnly().equals("compatibilityVersion") ? NODES.textNode(raw) : typed(raw);
    return new Result(Optional.of(new SetFlag(text, path.get(), value)), Optional.empty());
  }

  /** A parse outcome: the flag, or the reason it was rejected. @param flag the flag @param problem the problem */
  public record Result(Optional<SetFlag> flag, Optional<Diagnostic> problem) {}

  /** The typed form of a flag value. */
  public static JsonNode typed(String raw) {
    if (raw.matches("-?\\d+")) {
      try {
        return NODES.numberNode(Long.parseLong(raw));
      } catch (NumberFormatException e) {
        return NODES.textNode(raw);
      }
    }
    if (raw.matches("-?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      return NODES.numberNode(Double.parseDouble(raw));
    }
    if (raw.equals("true") || raw.equals("false")) {
      return NODES.booleanNode(Boolean.parseBoolean(raw));
    }
    return NODES.textNode(raw.replace("\\,", ","));
  }

  /**
   * Writes this flag into {@code user} (the user overlay). Missing maps are created; a {@code [key:value]}
   * step that matches nothing in the user tree but an element of {@code base} (the profile) creates
   * {@code {key: value}} so the overlay merges onto it. Returns a problem when a selector matches nothing.
   */
  public Optional<Diagnostic> apply(ObjectNode user, ObjectNode base) {
    List<TreePath.Step> steps = path.steps();
    JsonNode node = user;
    JsonNode baseNode = base;
    for (int i = 0; i < steps.size(); i++) {
      TreePath.Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      TreePath.Step next = last ? null : steps.get(i + 1);
      JsonNode child;
      if (step instanceof TreePath.Key k) {
        if (!(node instanceof ObjectNode obj)) {
          return problem("'" + k.name() + "' is not inside a map");
        }
        if (last) {
          obj.set(k.name(), value);
          return Optional.empty();
        }
        child = obj.get(k.name());
        boolean wantList = !(next instanceof TreePath.Key);
        if (child == null || !child.isContainerNode() || child.isArray() != wantList) {
          child = next instanceof TreePath.Key ? obj.putObject(k.name()) : obj.putArray(k.name());
        }
        baseNode = baseNode == null ? null : baseNode.get(k.name());
      } else {
        if (!(node instanceof ArrayNode arr)) {
          return problem("list selector on something that is not a list");
        }
        int index = find(arr, step);
        JsonNode baseMatch = baseNode instanceof ArrayNode ba && find(ba, step) >= 0 ? ba.get(find(ba, step)) : null;
        if (index < 0 && step instanceof TreePath.Match m && baseMatch != null) {
          arr.addObject().put(m.field(), m.value());
          index = arr.size() - 1;
        } else if (index < 0 && step instanceof TreePath.Index x) {
          index = arr.size();
        } else if (index < 0) {
          return problem("no list element matches " + new TreePath(List.of(step)));
        }
        if (last) {
          if (index >= arr.size()) {
            arr.add(value);
          } else {
            arr.set(index, value);
          }
          return Optional.empty();
        }
        if (index >= arr.size()) {
          if (next instanceof TreePath.Key) {
            arr.addObject();
          } else {
            arr.addArray();
          }
        }
        child = arr.get(index);
        baseNode = baseMatch;
      }
      node = child;
    }
    return Optional.empty();
  }

  /** The index of the element {@code step} selects in {@code arr}, or -1. */
  static int find(ArrayNode arr, TreePath.Step step) {
    for (int j = 0; j < arr.size(); j++) {
      JsonNode el = arr.get(j);
      boolean hit;
      if (step instanceof TreePath.Index x) {
        hit = x.index() == j;
      } else if (step instanceof TreePath.Match m) {
        hit = el.has(m.field()) && el.get(m.field()).asText().equals(m.value());
      } else if (step instanceof TreePath.Scalar v) {
        hit = el.isValueNode() && el.asText().equals(v.value());
      } else {
        hit = false;
      }
      if (hit) {
        return j;
      }
    }
    return -1;
  }

  /** The node at {@code path} below {@code root}, if every step resolves. */
  public static Optional<JsonNode> get(JsonNode root, TreePath path) {
    JsonNode node = root;
    for (TreePath.Step step : path.steps()) {
      if (node == null) {
        return Optional.empty();
      }
      if (step instanceof TreePath.Key k) {
        node = node.isObject() ? node.get(k.name()) : null;
      } else {
        node = node instanceof ArrayNode arr && find(arr, step) >= 0 ? arr.get(find(arr, step)) : null;
      }
    }
    return Optional.ofNullable(node);
  }

  private Optional<Diagnostic> problem(String message) {
    return Optional.of(new Diagnostic("--set", path.toString(), message));
  }
}
