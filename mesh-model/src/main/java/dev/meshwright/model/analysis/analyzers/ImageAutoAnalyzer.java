package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code injection.ImageAutoAnalyzer}: {@code image: auto} on an {@code istio-proxy} container of a Pod (IST0147)
 * or of a Deployment no Istio injection webhook would inject (IST0146).
 */
public final class ImageAutoAnalyzer extends Base {
  public ImageAutoAnalyzer() {
    super("injection.ImageAutoAnalyzer",
        "Makes sure that Pods and Deployments with `image: auto` are going to be injected",
        Kinds.NAMESPACE, Kinds.POD, Kinds.DEPLOYMENT, Kinds.MUTATING_WEBHOOK);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    List<JsonNode> istioWebhooks = new ArrayList<>();
    for (AnalysisResource r : ctx.resources(Kinds.MUTATING_WEBHOOK)) {
      for (JsonNode h : Json.list(r.tree(), "webhooks")) {
        if (Json.text(h, "name").endsWith("istio.io")) {
          istioWebhooks.add(h);
        }
      }
    }
    for (AnalysisResource pod : ctx.resources(Kinds.POD)) {
      if (autoImage(pod.spec())) {
        ctx.report(Messages.IMAGE_AUTO_WITHOUT_INJECTION_ERROR, pod, "Pod", pod.name());
      }
    }
    for (AnalysisResource d : ctx.resources(Kinds.DEPLOYMENT)) {
      JsonNode template = d.spec().path("template");
      if (!autoImage(template.path("spec"))) {
        continue;
      }
      String nsName = d.namespace().isEmpty() ? "default" : d.namespace();
      Map<String, String> nsLabels = ctx.find(Kinds.NAMESPACE, "", nsName).map(AnalysisResource::labels).orElse(Map.of());
      Map<String, String> podLabels = Json.stringMap(template.path("metadata").path("labels"));
      boolean injected = istioWebhooks.stream().anyMatch(h -> LabelSelectors.matches(h.get("namespaceSelector"), nsLabels)
          && LabelSelectors.matches(h.get("objectSelector"), podLabels));
      if (!injected) {
        ctx.report(Messages.IMAGE_AUTO_WITHOUT_INJECTION_WARNING, d, "Deployment", d.name());
      }
    }
  }

  private static boolean autoImage(JsonNode podSpec) {
    for (JsonNode c : Json.list(podSpec, "containers")) {
      if (Json.text(c, "name").equals(Workloads.PROXY) && Json.text(c, "image").equals("auto")) {
        return true;
      }
    }
    return false;
  }
}
