package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The remote-cluster parts of istiod (profile {@code remote}): the sidecar-injector webhook pointing at the
 * primary's istiod ({@code istiodRemote.injectionURL} when set) and the reader service account and cluster
 * role the primary uses to read this cluster. Stateless.
 */
final class IstiodRemoteComponent {
  private IstiodRemoteComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> rbac = PilotRbac.render(values, ns);
    ObjectNode reader = rbac.stream().filter(o -> o.path("kind").asText().equals("ClusterRole")
        && o.path("metadata").path("name").asText().startsWith("istio-reader")).findFirst().orElseThrow();
    ObjectNode readerBinding = rbac.stream().filter(o -> o.path("kind").asText().equals("ClusterRoleBinding")
        && o.path("metadata").path("name").asText().startsWith("istio-reader")).findFirst().orElseThrow();
    ObjectNode sa = Tree.object("v1", "ServiceAccount", "istio-reader-service-account", ns,
        obj("app", "istio-reader", "release", Charts.RELEASE));
    return List.of(sa, reader, readerBinding, PilotWebhooks.injector(values, ns));
  }
}
