package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Adds what Kubernetes' Go serializer writes for objects kube-inject decoded, so the output reads like
 * {@code istioctl kube-inject}'s: {@code creationTimestamp: null} in every object meta, empty structs
 * ({@code status: {}}, {@code strategy: {}}, {@code updateStrategy: {}}, {@code resources: {}} on containers),
 * zero status counters of ReplicaSets and ReplicationControllers, canonical quantities and
 * {@code divisor: "0"} on resource field references. Edits the tree in place. Stateless.
 */
final class GoSerialization {
  private static final Map<String, String[]> EMPTY_SPEC_STRUCTS = Map.of(
      "Deployment", new String[] {"strategy"},
      "DaemonSet", new String[] {"updateStrategy"},
      "StatefulSet", new String[] {"updateStrategy"});

  private GoSerialization() {}

  static void apply(ObjectNode object) {
    String kind = Json.text(object, "kind");
    creationTimestamp(object);
    ObjectNode spec = object.get("spec") instanceof ObjectNode s ? s : null;
    switch (kind) {
      case "Pod" -> podSpec(spec);
      case "CronJob" -> {
        if (spec != null && spec.get("jobTemplate") instanceof ObjectNode jt) {
          creationTimestamp(jt);
          if (jt.get("spec") instanceof ObjectNode js && js.get("template") instanceof ObjectNode t) {
            template(t);
          }
        }
      }
      default -> {
        if (spec != null && spec.get("template") instanceof ObjectNode t) {
          template(t);
        }
      }
    }
    if (spec != null) {
      for (String field : EMPTY_SPEC_STRUCTS.getOrDefault(kind, new String[0])) {
        if (!spec.has(field)) {
          spec.putObject(field);
        }
      }
    }
    if (!object.has("status")) {
      switch (kind) {
        case "ReplicaSet", "ReplicationController" -> object.putObject("status").put("replicas", 0);
        case "Pod", "Deployment", "Job", "CronJob" -> object.putObject("status");
        default -> { }
      }
    }
  }

  private static void template(ObjectNode template) {
    creationTimestamp(template);
    podSpec(template.get("spec") instanceof ObjectNode s ? s : null);
  }

  private static void creationTimestamp(ObjectNode holder) {
    ObjectNode meta = Json.child(holder, "metadata");
    if (!meta.has("creationTimestamp")) {
      meta.putNull("creationTimestamp");
    }
  }

  private static void podSpec(ObjectNode spec) {
    if (spec == null) {
      return;
    }
    for (String list : new String[] {"initContainers", "containers"}) {
      for (JsonNode c : spec.path(list)) {
        if (!(c instanceof ObjectNode container)) {
          continue;
        }
        if (!container.has("resources")) {
          container.putObject("resources");
        }
        Quantities.canonicalizeResources(container.get("resources"));
        for (JsonNode e : container.path("env")) {
          if (e.path("valueFrom").get("resourceFieldRef") instanceof ObjectNode ref && !ref.has("divisor")) {
            ref.put("divisor", "0");
          }
        }
      }
    }
  }
}
