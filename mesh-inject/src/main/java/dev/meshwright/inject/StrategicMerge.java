package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic merge of a partial pod over a pod, for the pod fields the templates touch: objects merge
 * key by key (a null deletes), lists of containers, init containers, env, volumes and pull secrets merge by
 * {@code name}, ports by {@code containerPort} and volume mounts by {@code mountPath}; other lists are replaced.
 * Merged lists keep the patch's order for its items and the original's order for the rest, interleaved the way
 * the API server's merge does. Returns new trees; inputs are not changed. Stateless.
 */
final class StrategicMerge {
  private StrategicMerge() {}

  /** {@code patch} merged over {@code original}. */
  static ObjectNode merge(ObjectNode original, ObjectNode patch) {
    ObjectNode out = original.deepCopy();
    mergeInto(out, patch);
    return out;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      JsonNode current = target.get(key);
      if (value.isNull()) {
        target.remove(key);
      } else if (value.isObject() && current instanceof ObjectNode co) {
        mergeInto(co, (ObjectNode) value);
      } else if (value.isArray() && current instanceof ArrayNode ca && mergeKey(key) != null) {
        target.set(key, mergeList(ca, (ArrayNode) value, mergeKey(key)));
      } else {
        target.set(key, stripNulls(value.deepCopy()));
      }
    }
  }

  static String mergeKey(String field) {
    return switch (field) {
      case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
      case "ports" -> "containerPort";
      case "volumeMounts" -> "mountPath";
      default -> null;
    };
  }

  private static ArrayNode mergeList(ArrayNode original, ArrayNode patch, String key) {
    List<JsonNode> merged = new ArrayList<>();
    original.forEach(n -> merged.add(n.deepCopy()));
    List<JsonNode> patchItems = new ArrayList<>();
    for (JsonNode p : patch) {
      int at = indexOf(merged, key, p.get(key));
      if (at >= 0 && merged.get(at) instanceof ObjectNode o && p instanceof ObjectNode po) {
        mergeInto(o, po);
        patchItems.add(o);
      } else {
        JsonNode copy = stripNulls(p.deepCopy());
        merged.add(copy);
        patchItems.add(copy);
      }
    }
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode n : merged) {
      if (patchItems.stream().noneMatch(p -> p == n)) {
        serverOnly.add(n);
      }
    }
    ArrayNode out = Json.arr();
    int i = 0;
    int j = 0;
    while (i < patchItems.size() || j < serverOnly.size()) {
      if (i >= patchItems.size()) {
        out.add(serverOnly.get(j++));
      } else if (j >= serverOnly.size()) {
        out.add(patchItems.get(i++));
      } else {
        int li = indexOf(original, key, patchItems.get(i).get(key));
        int ri = indexOf(original, key, serverOnly.get(j).get(key));
        if (li >= 0 && ri >= 0 && ri < li) {
          out.add(serverOnly.get(j++));
        } else {
          out.add(patchItems.get(i++));
        }
      }
    }
    return out;
  }

  private static int indexOf(Iterable<JsonNode> list, String key, JsonNode keyValue) {
    if (keyValue == null) {
      return -1;
    }
    int i = 0;
    for (JsonNode n : list) {
      if (keyValue.equals(n.get(key))) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static JsonNode stripNulls(JsonNode n) {
    if (n instanceof ObjectNode o) {
      List<String> nulls = new ArrayList<>();
      o.properties().forEach(e -> {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        } else {
          stripNulls(e.getValue());
        }
      });
      o.remove(nulls);
    } else if (n instanceof ArrayNode a) {
      a.forEach(StrategicMerge::stripNulls);
    }
    return n;
  }
}
