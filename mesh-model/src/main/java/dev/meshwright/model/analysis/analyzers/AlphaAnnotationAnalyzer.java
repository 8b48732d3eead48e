package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code annotations.AlphaAnalyzer} (not in the default set): Istio annotations of alpha maturity on Namespaces,
 * Services, Pods and Deployments (IST0136); on Pods without an {@code istio-init} container (CNI) the
 * annotations istio-cni sets itself are skipped.
 */
public final class AlphaAnnotationAnalyzer extends Base {
  private static final Set<String> CNI_DEFAULTS = Set.of("sidecar.istio.io/interceptionMode",
      "traffic.sidecar.istio.io/includeInboundPorts", "traffic.sidecar.istio.io/excludeInboundPorts",
      "traffic.sidecar.istio.io/includeOutboundIPRanges");

  public AlphaAnnotationAnalyzer() {
    super("annotations.AlphaAnalyzer", "Checks for alpha Istio annotations in Kubernetes resources",
        Kinds.NAMESPACE, Kinds.SERVICE, Kinds.POD, Kinds.DEPLOYMENT);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (String kind : K8sAnnotationAnalyzer.KINDS) {
      for (AnalysisResource r : ctx.resources(kind)) {
        boolean cni = kind.equals(Kinds.POD) && !hasInitContainer(r.spec());
        for (String ann : new TreeSet<>(r.annotations().keySet())) {
          if (!AnnotationTable.isIstioAnnotation(ann)) {
            continue;
          }
          AnnotationTable.find(ann).ifPresent(def -> {
            if (def.featureStatus().equals("Alpha") && !K8sAnnotationAnalyzer.ALWAYS_IGNORED.contains(ann)
                && !(cni && CNI_DEFAULTS.contains(ann))) {
              ctx.report(AnalysisMessage.of(Messages.ALPHA_ANNOTATION, r.ref(), ann).at("metadata.annotations." + ann));
            }
          });
        }
      }
    }
  }

  private static boolean hasInitContainer(JsonNode podSpec) {
    return Json.list(podSpec, "initContainers").stream().anyMatch(c -> Json.text(c, "name").equals("istio-init"));
  }
}
