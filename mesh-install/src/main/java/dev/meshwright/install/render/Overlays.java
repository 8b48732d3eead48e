package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.install.TreePath;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@code components.<c>.k8s.overlays}: each overlay names one object of the component by kind and
 * name (in the component namespace or cluster-scoped) and lists {@code {path, value}} patches in the
 * {@code --set} path syntax with {@code [key:value]}/{@code [value]} list selection. A patch without a value
 * deletes; a string value holding a YAML mapping is inserted as a mapping; missing map keys are created.
 * Problems are thrown as {@link RenderProblem} naming the overlay. Stateless.
 */
final class Overlays {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Overlays() {}

  static void apply(List<ObjectNode> objects, JsonNode overlays, String ns, String where) {
    if (!overlays.isArray()) {
      return;
    }
    int i = 0;
    for (JsonNode overlay : overlays) {
      String path = where + ".k8s.overlays[" + i++ + "]";
      String kind = overlay.path("kind").asText();
      String name = overlay.path("name").asText();
      List<ObjectNode> matches = objects.stream()
          .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
          .filter(o -> !o.path("metadata").has("namespace") || o.path("metadata").path("namespace").asText().equals(ns))
          .toList();
      if (matches.size() != 1) {
        throw new RenderProblem(path, "overlay for " + kind + " " + name + " matches " + matches.size()
            + " objects of the component, expected exactly one");
      }
      int j = 0;
      for (JsonNode patch : overlay.path("patches")) {
        patch(matches.get(0), patch, path + ".patches[" + j++ + "]");
      }
    }
  }

  private static void patch(ObjectNode target, JsonNode patch, String where) {
    String text = patch.path("path").asText();
    List<TreePath.Step> steps = TreePath.parse("_." + text).map(TreePath::steps)
        .orElseThrow(() -> new RenderProblem(where + ".path", "malformed path " + text));
    steps = steps.subList(1, steps.size());
    if (steps.isEmpty()) {
      throw new RenderProblem(where + ".path", "empty path");
    }
    JsonNode node = target;
    for (int i = 0; i < steps.size() - 1; i++) {
      JsonNode next = step(node, steps.get(i));
      if (next == null) {
        if (steps.get(i) instanceof TreePath.Key k && node instanceof ObjectNode o) {
          next = steps.get(i + 1) instanceof TreePath.Key ? o.putObject(k.name()) : o.putArray(k.name());
        } else {
          throw new RenderProblem(where + ".path", "no element matches " + steps.get(i) + " in " + text);
        }
      }
      node = next;
    }
    TreePath.Step last = steps.get(steps.size() - 1);
    Optional<JsonNode> value = patch.has("value") ? Optional.of(value(patch.get("value"))) : Optional.empty();
    if (node instanceof ObjectNode o && last instanceof TreePath.Key k) {
      if (value.isPresent()) {
        o.set(k.name(), value.get());
      } else {
        o.remove(k.name());
      }
      return;
    }
    if (node instanceof ArrayNode a) {
      int index = indexOf(a, last);
      if (index < 0 && last instanceof TreePath.Index x && value.isPresent()) {
        a.add(value.get());
        return;
      }
      if (index < 0) {
        throw new RenderProblem(where + ".path", "no element matches " + last + " in " + text);
      }
      if (value.isPresent()) {
        a.set(index, value.get());
      } else {
        a.remove(index);
      }
      return;
    }
    throw new RenderProblem(where + ".path", "cannot apply " + last + " in " + text);
  }

  private static JsonNode value(JsonNode v) {
    if (v.isTextual() && v.asText().contains(":") && !v.asText().trim().startsWith("{")) {
      try {
        JsonNode parsed = YAML.readTree(v.asText());
        if (parsed != null && parsed.isObject()) {
          return parsed;
        }
      } catch (IOException e) {
        return v.deepCopy();
      }
    }
    return v.deepCopy();
  }

  private static JsonNode step(JsonNode node, TreePath.Step step) {
    if (step instanceof TreePath.Key k) {
      return node instanceof ObjectNode o ? o.get(k.name()) : null;
    }
    if (node instanceof ArrayNode a) {
      int i = indexOf(a, step);
      return i < 0 ? null : a.get(i);
    }
    return null;
  }

  private static int indexOf(ArrayNode a, TreePath.Step step) {
    for (int i = 0; i < a.size(); i++) {
      JsonNode e = a.get(i);
      boolean hit = false;
      if (step instanceof TreePath.Index x) {
        hit = x.index() == i;
      } else if (step instanceof TreePath.Match m) {
        hit = e.path(m.field()).isValueNode() && e.path(m.field()).asText().equals(unescape(m.value()));
      } else if (step instanceof TreePath.Scalar s) {
        hit = e.isValueNode() && e.asText().equals(unescape(s.value()));
      }
      if (hit) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    return s.replace("\\", "");
  }
}
