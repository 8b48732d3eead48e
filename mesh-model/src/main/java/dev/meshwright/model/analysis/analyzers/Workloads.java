package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import java.util.List;
import java.util.Map;

/** Facts about pods and deployments the analyzers share: mesh membership, ambient mode, control-plane objects. Stateless. */
final class Workloads {
  static final String PROXY = "istio-proxy";
  static final String INJECTION_LABEL = "istio-injection";
  static final String REVISION_LABEL = "istio.io/rev";
  static final String DATAPLANE_MODE_LABEL = "istio.io/dataplane-mode";
  static final String SIDECAR_INJECT = "sidecar.istio.io/inject";
  static final String MANAGED_GATEWAY_LABEL = "gateway.istio.io/managed";
  static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

  private Workloads() {}

  /** Labelled {@code istio} (any value) or {@code release: istio}: part of Istio's own installation. */
  static boolean isControlPlane(AnalysisResource r) {
    return r.labels().containsKey("istio") || "istio".equals(r.labels().get("release"));
  }

  static boolean hasProxy(List<JsonNode> containers) {
    for (JsonNode c : containers) {
      if (Json.text(c, "name").equals(PROXY)) {
        return !Json.text(c, "image").isEmpty();
      }
    }
    return false;
  }

  static boolean podInMesh(AnalysisContext ctx, AnalysisResource pod) {
    return inMesh(ctx, pod.annotations(), pod.labels(), pod.namespace(), Json.containers(pod.spec(), true));
  }

  static boolean deploymentInMesh(AnalysisContext ctx, AnalysisResource d) {
    JsonNode template = d.spec().path("template");
    return inMesh(ctx, Json.stringMap(template.path("metadata").path("annotations")),
        Json.stringMap(template.path("metadata").path("labels")), d.namespace(),
        Json.containers(template.path("spec"), false));
  }

  private static boolean inMesh(AnalysisContext ctx, Map<String, String> annotations, Map<String, String> labels,
      String namespace, List<JsonNode> containers) {
    if (hasProxy(containers)) {
      return true;
    }
    if (labels.containsKey(SIDECAR_INJECT)) {
      return "true".equals(labels.get(SIDECAR_INJECT));
    }
    if (annotations.containsKey(SIDECAR_INJECT)) {
      return "true".equals(annotations.get(SIDECAR_INJECT));
    }
    return ctx.find(Kinds.NAMESPACE, "", namespace)
        .map(ns -> "enabled".equals(ns.labels().get(INJECTION_LABEL)))
        .orElse(false);
  }

  static boolean podInAmbient(AnalysisResource pod) {
    return pod != null && "enabled".equals(pod.annotations().get("ambient.istio.io/redirection"));
  }

  static boolean namespaceInAmbient(AnalysisResource ns) {
    if (ns == null || "enabled".equals(ns.labels().get(INJECTION_LABEL))) {
      return false;
    }
    String rev = ns.labels().get(REVISION_LABEL);
    if (rev != null && !rev.isEmpty()) {
      return false;
    }
    return "ambient".equals(ns.labels().get(DATAPLANE_MODE_LABEL));
  }

  /** Istio's name of the injector ConfigMap of a revision. */
  static String injectorConfigMap(String revision) {
    return revision == null || revision.isEmpty() || revision.equals("default")
        ? "istio-sidecar-injector" : "istio-sidecar-injector-" + revision;
  }
}
