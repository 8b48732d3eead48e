package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Applies a component's {@code k8s} settings to its rendered objects as strategic-merge patches on fixed
 * targets: the workload named {@code workload} (its pod spec and the container {@code container}), the HPA,
 * PDB and Service of the same name. Missing targets are skipped. Stateless.
 *
 * @param workload the Deployment or DaemonSet name
 * @param container the main container name
 * @param ignoreReplicas whether the IOP itself enabled autoscaling (then {@code replicaCount} is ignored)
 */
record K8sSettings(String workload, String container, boolean ignoreReplicas) {

  void apply(List<ObjectNode> objects, JsonNode k8s) {
    if (!(k8s instanceof ObjectNode) || k8s.isEmpty()) {
      return;
    }
    for (ObjectNode o : objects) {
      if (!o.path("metadata").path("name").asText().equals(workload)) {
        continue;
      }
      switch (o.path("kind").asText()) {
        case "Deployment", "DaemonSet" -> workload(o, k8s);
        case "HorizontalPodAutoscaler" -> mergeAt(o, "spec", k8s.get("hpaSpec"), false);
        case "PodDisruptionBudget" -> pdb(o, k8s.get("podDisruptionBudget"));
        case "Service" -> {
          mergeAt(o, "spec", k8s.get("service"), true);
          mergeAt((ObjectNode) o.get("metadata"), "annotations", k8s.get("serviceAnnotations"), false);
        }
        default -> { }
      }
    }
  }

  private void workload(ObjectNode o, JsonNode k8s) {
    ObjectNode spec = child(o, "spec");
    ObjectNode template = child(spec, "template");
    ObjectNode pod = child(template, "spec");
    for (String field : List.of("affinity", "nodeSelector", "tolerations", "priorityClassName")) {
      JsonNode v = k8s.get(field);
      if (v != null && !v.isNull()) {
        if (v instanceof ObjectNode && pod.get(field) instanceof ObjectNode) {
          StrategicMerge.merge((ObjectNode) pod.get(field), v, false);
        } else {
          pod.set(field, v.deepCopy());
        }
      }
    }
    mergeAt(pod, "securityContext", k8s.get("securityContext"), false);
    mergeAt(child(template, "metadata"), "annotations", k8s.get("podAnnotations"), false);
    mergeAt(spec, "strategy", k8s.get("strategy"), false);
    JsonNode replicas = k8s.get("replicaCount");
    if (replicas != null && replicas.isNumber() && !ignoreReplicas) {
      spec.set("replicas", replicas.deepCopy());
    }
    if (pod.get("containers") instanceof ArrayNode containers) {
      for (JsonNode c : containers) {
        if (c.path("name").asText().equals(container) && c instanceof ObjectNode co) {
          ObjectNode patch = Tree.obj();
          for (String field : List.of("env", "resources", "readinessProbe", "imagePullPolicy")) {
            if (k8s.has(field) && !k8s.get(field).isNull()) {
              patch.set(field, k8s.get(field).deepCopy());
            }
          }
          StrategicMerge.merge(co, patch, false);
        }
      }
    }
  }

  private static void pdb(ObjectNode o, JsonNode patch) {
    mergeAt(o, "spec", patch, false);
    JsonNode spec = o.path("spec");
    if (spec instanceof ObjectNode s && Tree.truthy(s.path("minAvailable")) && Tree.truthy(s.path("maxUnavailable"))
        && !"0".equals(s.path("maxUnavailable").asText()) && !"0".equals(s.path("minAvailable").asText())) {
      s.remove("minAvailable");
    }
  }

  private static void mergeAt(ObjectNode parent, String field, JsonNode patch, boolean servicePorts) {
    if (patch == null || patch.isNull() || !patch.isObject()) {
      return;
    }
    StrategicMerge.merge(child(parent, field), patch, servicePorts);
  }

  private static ObjectNode child(ObjectNode parent, String field) {
    if (parent.get(field) instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }
}
