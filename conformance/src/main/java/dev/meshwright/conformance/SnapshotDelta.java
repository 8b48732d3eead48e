package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The fields where the install goldens' chart snapshot (older than 1.22, see the corpus README) and the
 * published 1.22.8 charts Meshwright renders disagree about an object's content. They are chart content,
 * not operator logic, so {@link ManifestGoldenCase} removes them from both sides before comparing; every
 * other field of the structural kinds is still compared. Listed in {@code conformance/README.md}. Stateless.
 *
 * <ul>
 *   <li>istiod Deployment: the pod annotation {@code ambient.istio.io/redirection} (snapshot) and the pod
 *       label {@code istio.io/dataplane-mode} (1.22.8), the {@code JWT_POLICY} env entry (snapshot only) and
 *       the {@code cni.istio.io/not-ready} toleration (1.22.8 only);</li>
 *   <li>the {@code istio-reader-clusterrole-*} ClusterRole: the {@code telemetry.istio.io} and
 *       {@code extensions.istio.io} API groups of its first rule (1.22.8 only).</li>
 * </ul>
 */
final class SnapshotDelta {
  private static final Set<String> READER_GROUPS_ADDED = Set.of("telemetry.istio.io", "extensions.istio.io");

  private SnapshotDelta() {}

  /** Removes the chart-snapshot-dependent fields from each object, in place. */
  static void strip(List<ObjectNode> objects) {
    for (ObjectNode o : objects) {
      String kind = o.path("kind").asText();
      String name = o.path("metadata").path("name").asText();
      if (kind.equals("Deployment") && (name.equals("istiod") || name.startsWith("istiod-"))) {
        istiod(o);
      } else if (kind.equals("ClusterRole") && name.startsWith("istio-reader-clusterrole")
          && o.path("rules").path(0).path("apiGroups") instanceof ArrayNode groups) {
        removeIf(groups, g -> READER_GROUPS_ADDED.contains(g.asText()));
      }
    }
  }

  private static void istiod(ObjectNode deployment) {
    JsonNode template = deployment.path("spec").path("template");
    if (template.path("metadata").path("annotations") instanceof ObjectNode a) {
      a.remove("ambient.istio.io/redirection");
    }
    if (template.path("metadata").path("labels") instanceof ObjectNode l) {
      l.remove("istio.io/dataplane-mode");
    }
    if (template.path("spec") instanceof ObjectNode pod) {
      if (pod.path("tolerations") instanceof ArrayNode t) {
        removeIf(t, x -> x.path("key").asText().equals("cni.istio.io/not-ready"));
        if (t.isEmpty()) {
          pod.remove("tolerations");
        }
      }
      for (JsonNode c : pod.path("containers")) {
        if (c.path("env") instanceof ArrayNode env) {
          removeIf(env, e -> e.path("name").asText().equals("JWT_POLICY"));
        }
      }
    }
  }

  private static void removeIf(ArrayNode list, java.util.function.Predicate<JsonNode> drop) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (drop.test(list.get(i))) {
        list.remove(i);
      }
    }
  }
}
