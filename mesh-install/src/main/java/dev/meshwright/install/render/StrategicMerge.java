package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes strategic-merge patch over JSON trees, for the lists istioctl's k8s settings touch: maps merge
 * recursively, an explicit {@code null} deletes, lists of containers, env, volumes, mounts and pull secrets
 * merge by their key field, Service ports by (port, protocol) keeping first-seen order, every other list is
 * replaced. Stateless.
 */
final class StrategicMerge {
  private static final Map<String, List<String>> KEYS = Map.of(
      "containers", List.of("name"), "initContainers", List.of("name"), "env", List.of("name"),
      "volumes", List.of("name"), "volumeMounts", List.of("mountPath"), "imagePullSecrets", List.of("name"),
      "ports", List.of("containerPort"));

  private StrategicMerge() {}

  /** Merges {@code patch} into {@code target} in place; {@code servicePorts} switches the port key to (port, protocol). */
  static void merge(ObjectNode target, JsonNode patch, boolean servicePorts) {
    if (!(patch instanceof ObjectNode p)) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      JsonNode current = target.get(key);
      if (value.isNull()) {
        target.remove(key);
      } else if (value instanceof ObjectNode && current instanceof ObjectNode c) {
        merge(c, value, servicePorts);
      } else if (value instanceof ArrayNode a && current instanceof ArrayNode c && KEYS.containsKey(key)) {
        List<String> fields = servicePorts && key.equals("ports") ? List.of("port", "protocol") : KEYS.get(key);
        mergeList(c, a, fields, servicePorts);
      } else {
        target.set(key, value.deepCopy());
      }
    }
  }

  private static void mergeList(ArrayNode target, ArrayNode patch, List<String> fields, boolean servicePorts) {
    for (JsonNode item : patch) {
      int found = -1;
      for (int i = 0; i < target.size() && found < 0; i++) {
        if (sameKey(target.get(i), item, fields)) {
          found = i;
        }
      }
      if (found >= 0 && target.get(found) instanceof ObjectNode t) {
        merge(t, item, servicePorts);
      } else {
        target.add(item.deepCopy());
      }
    }
  }

  private static boolean sameKey(JsonNode a, JsonNode b, List<String> fields) {
    for (String f : fields) {
      String av = a.path(f).asText(f.equals("protocol") ? "TCP" : "");
      String bv = b.path(f).asText(f.equals("protocol") ? "TCP" : "");
      if (!av.equals(bv)) {
        return false;
      }
    }
    return true;
  }
}
