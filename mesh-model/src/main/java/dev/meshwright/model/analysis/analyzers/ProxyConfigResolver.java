package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import java.util.HashMap;
import java.util.Map;

/**
 * The effective proxy image type of a pod: mesh config default, then the root-namespace ProxyConfig, the
 * pod's namespace ProxyConfig, a selecting workload ProxyConfig and finally the {@code proxy.istio.io/config}
 * annotation; {@code default} means none. Immutable once built.
 */
final class ProxyConfigResolver {
  private final String meshImageType;
  private JsonNode root;
  private final Map<String, JsonNode> namespace = new HashMap<>();
  private final Map<String, AnalysisResource> workload = new HashMap<>();

  private ProxyConfigResolver(String meshImageType) {
    this.meshImageType = meshImageType;
  }

  static ProxyConfigResolver of(AnalysisContext ctx) {
    JsonNode mesh = ctx.meshConfigTree();
    String rootNs = Json.text(mesh, "rootNamespace");
    if (rootNs.isEmpty()) {
      rootNs = "istio-system";
    }
    ProxyConfigResolver r = new ProxyConfigResolver(
        Json.text(mesh.path("defaultConfig").path("image"), "imageType"));
    for (AnalysisResource pc : ctx.resources(Kinds.PROXY_CONFIG)) {
      if (pc.namespace().equals(rootNs)) {
        r.root = pc.spec();
      } else if (!pc.spec().has("selector")) {
        r.namespace.put(pc.namespace(), pc.spec());
      } else {
        r.workload.put(pc.fullName(), pc);
      }
    }
    return r;
  }

  String imageType(AnalysisResource pod) {
    String variant = meshImageType;
    variant = override(variant, root);
    variant = override(variant, namespace.get(pod.namespace()));
    for (Map.Entry<String, AnalysisResource> e : workload.entrySet()) {
      if (!e.getKey().startsWith(pod.namespace())) {
        continue;
      }
      JsonNode spec = e.getValue().spec();
      if (Selector.of(spec.path("selector").path("matchLabels")).matches(pod.labels())) {
        variant = override(variant, spec);
      }
    }
    String anno = pod.annotations().get("proxy.istio.io/config");
    if (anno != null) {
      try {
        variant = override(variant, MeshJackson.yaml().readTree(anno));
      } catch (java.io.IOException | RuntimeException e) {
        // an unreadable annotation leaves the type as it was, as Istio does
      }
    }
    return variant.equals("default") ? "" : variant;
  }

  private static String override(String variant, JsonNode spec) {
    if (spec == null) {
      return variant;
    }
    String t = Json.text(spec.path("image"), "imageType");
    return t.isEmpty() ? variant : t;
  }
}
