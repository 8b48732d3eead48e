package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code injection.ImageAnalyzer}: in namespaces with injection on, running {@code istio-proxy} images that
 * differ from the image of the namespace revision's injector ConfigMap (optionally with the effective image
 * type suffix), reported once per namespace (IST0158).
 */
public final class ImageAnalyzer extends Base {
  public ImageAnalyzer() {
    super("injection.ImageAnalyzer",
        "Checks the image of auto-injection configured with the running proxies on pods",
        Kinds.NAMESPACE, Kinds.POD, Kinds.CONFIG_MAP, Kinds.MESH_CONFIG, Kinds.PROXY_CONFIG);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, String> proxyImages = new HashMap<>();
    for (AnalysisResource cm : ctx.resources(Kinds.CONFIG_MAP)) {
      if (cm.name().startsWith("istio-sidecar-injector")) {
        proxyImages.put(cm.name(), proxyImage(cm));
      }
    }
    if (proxyImages.isEmpty()) {
      return;
    }
    Map<String, String> injected = new HashMap<>();
    Map<String, AnalysisResource> namespaces = new HashMap<>();
    for (AnalysisResource ns : ctx.resources(Kinds.NAMESPACE)) {
      namespaces.put(ns.fullName(), ns);
      String rev = ns.labels().get(Workloads.REVISION_LABEL);
      if (rev != null) {
        injected.put(ns.fullName(), rev);
      } else if ("enabled".equals(ns.labels().get(Workloads.INJECTION_LABEL))) {
        injected.put(ns.fullName(), "default");
      }
    }
    ProxyConfigResolver resolver = ProxyConfigResolver.of(ctx);
    Map<String, List<String>> mismatched = new LinkedHashMap<>();
    for (AnalysisResource pod : ctx.resources(Kinds.POD)) {
      String rev = injected.get(pod.namespace());
      if (rev == null || !pod.annotations().getOrDefault("sidecar.istio.io/proxyImage", "").isEmpty()) {
        continue;
      }
      String variant = resolver.imageType(pod);
      for (JsonNode c : Json.containers(pod.spec(), true)) {
        if (!Json.text(c, "name").equals(Workloads.PROXY)) {
          continue;
        }
        String expected = proxyImages.get(Workloads.injectorConfigMap(rev));
        if (expected == null) {
          break;
        }
        String image = Json.text(c, "image");
        if (!image.equals(expected) && !image.equals(expected + "-" + variant)) {
          mismatched.computeIfAbsent(pod.namespace(), k -> new ArrayList<>()).add(pod.name());
        }
      }
    }
    for (Map.Entry<String, List<String>> e : mismatched.entrySet()) {
      AnalysisResource ns = namespaces.get(e.getKey());
      if (ns != null) {
        ctx.report(Messages.PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE, ns, e.getValue());
      } else {
        ctx.report(AnalysisMessage.of(Messages.PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE, null, e.getValue()));
      }
    }
  }

  /** The proxy image an injector ConfigMap's {@code values} would inject ({@code hub/image:tag} or a full image). */
  static String proxyImage(AnalysisResource cm) {
    String values = cm.tree().path("data").path("values").asText("");
    JsonNode v;
    try {
      v = MeshJackson.json().readTree(values);
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
    if (v == null || !v.isObject()) {
      return "";
    }
    JsonNode global = v.path("global");
    String image = Json.text(global.path("proxy"), "image");
    if (image.contains("/")) {
      return image;
    }
    return Json.text(global, "hub") + "/" + image + ":" + Json.text(global, "tag");
  }
}
