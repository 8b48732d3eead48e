package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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

  /**
   * Merges {@code patch} items into {@code target} by key, then orders the result as Kubernetes' strategic merge
   * does ({@code normalizeElementOrder}): the patch's items in patch order and the target's other items in
   * their order, interleaved so that an item of both lists keeps its target position; items new in the patch
   * follow the patch item before them. Service ports ({@code servicePorts}) keep first-seen order instead.
   */
  private static void mergeList(ArrayNode target, ArrayNode patch, List<String> fields, boolean servicePorts) {
    List<JsonNode> original = new ArrayList<>();
    target.forEach(original::add);
    List<JsonNode> patched = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>(original);
    for (JsonNode item : patch) {
      int found = indexOf(original, item, fields);
      if (found >= 0 && original.get(found) instanceof ObjectNode t) {
        ObjectNode merged = t.deepCopy();
        merge(merged, item, servicePorts);
        patched.add(merged);
        serverOnly.remove(t);
      } else {
        patched.add(item.deepCopy());
      }
    }
    target.removeAll();
    if (servicePorts) {
      for (JsonNode o : original) {
        int p = indexOf(patched, o, fields);
        target.add(p >= 0 ? patched.get(p) : o);
      }
      patched.stream().filter(p -> indexOf(original, p, fields) < 0).forEach(target::add);
      return;
    }
    int i = 0;
    int j = 0;
    while (i < serverOnly.size() || j < patched.size()) {
      if (j >= patched.size()) {
        target.add(serverOnly.get(i++));
      } else if (i >= serverOnly.size()) {
        target.add(patched.get(j++));
      } else {
        int li = indexOf(original, serverOnly.get(i), fields);
        int ri = indexOf(original, patched.get(j), fields);
        target.add(li >= 0 && ri >= 0 && li < ri ? serverOnly.get(i++) : patched.get(j++));
      }
    }
  }

  private static int indexOf(List<JsonNode> list, JsonNode item, List<String> fields) {
    for (int i = 0; i < list.size(); i++) {
      if (sameKey(list.get(i), item, fields)) {
        return i;
      }
    }
    return -1;
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
