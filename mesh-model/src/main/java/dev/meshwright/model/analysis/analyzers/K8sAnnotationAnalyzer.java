package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code annotations.K8sAnalyzer}: Istio annotations on Namespaces, Services, Pods and Deployments that Istio does
 * not know (IST0108), that are deprecated (IST0135), that belong on another kind (IST0107), or whose value the
 * injector would reject (IST0125).
 */
public final class K8sAnnotationAnalyzer extends Base {
  /** Annotations Istio itself writes; never reported. */
  static final Set<String> ALWAYS_IGNORED = Set.of("sidecar.istio.io/status", "gateway.istio.io/controller-version",
      "istio.io/rev", "istio.io/waypoint-for", "ambient.istio.io/redirection");
  static final List<String> KINDS = List.of(Kinds.NAMESPACE, Kinds.SERVICE, Kinds.POD, Kinds.DEPLOYMENT);

  public K8sAnnotationAnalyzer() {
    super("annotations.K8sAnalyzer", "Checks for misplaced and invalid Istio annotations in Kubernetes resources",
        Kinds.NAMESPACE, Kinds.SERVICE, Kinds.POD, Kinds.DEPLOYMENT);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (String kind : KINDS) {
      for (AnalysisResource r : ctx.resources(kind)) {
        check(ctx, r);
      }
    }
  }

  private static void check(AnalysisContext ctx, AnalysisResource r) {
    for (Map.Entry<String, String> e : new TreeMap<>(r.annotations()).entrySet()) {
      String ann = e.getKey();
      if (!AnnotationTable.isIstioAnnotation(ann) || ALWAYS_IGNORED.contains(ann)) {
        continue;
      }
      String path = "metadata.annotations." + ann;
      Optional<AnnotationTable.Definition> def = AnnotationTable.find(ann);
      if (def.isEmpty()) {
        ctx.report(AnalysisMessage.of(Messages.UNKNOWN_ANNOTATION, r.ref(), ann).at(path));
        continue;
      }
      if (def.get().deprecated()
          && !(ann.equals(Workloads.SIDECAR_INJECT) && r.labels().containsKey(Workloads.SIDECAR_INJECT))) {
        String extra = ann.equals(Workloads.SIDECAR_INJECT) ? " in favor of the \"sidecar.istio.io/inject\" label" : "";
        ctx.report(AnalysisMessage.of(Messages.DEPRECATED_ANNOTATION, r.ref(), ann, extra).at(path));
      }
      if (def.get().resources().contains("Any")) {
        continue;
      }
      List<String> attachesTo = new ArrayList<>(def.get().resources());
      attachesTo.remove("Unknown");
      if (!attachesTo.contains(r.kind())) {
        ctx.report(AnalysisMessage.of(Messages.MISPLACED_ANNOTATION, r.ref(), ann, String.join(", ", attachesTo))
            .at(path));
        continue;
      }
      Function<String, Optional<String>> checkValue = AnnotationValues.CHECKS.get(ann);
      if (checkValue != null) {
        checkValue.apply(e.getValue()).ifPresent(problem ->
            ctx.report(AnalysisMessage.of(Messages.INVALID_ANNOTATION, r.ref(), ann, problem).at(path)));
      }
    }
  }
}
