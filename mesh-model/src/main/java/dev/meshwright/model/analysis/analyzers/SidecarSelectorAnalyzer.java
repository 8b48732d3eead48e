package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sidecar.SelectorAnalyzer}: Sidecars whose workload selector matches no pod in their namespace (IST0101),
 * several Sidecars selecting one pod (IST0110), several selector-less Sidecars in a namespace (IST0111), and
 * Sidecars on ambient pods or namespaces (IST0167).
 */
public final class SidecarSelectorAnalyzer extends Base {
  public SidecarSelectorAnalyzer() {
    super("sidecar.SelectorAnalyzer", "Validates that sidecars that define a workload selector match at least one "
        + "pod, and that there aren't multiple sidecar resources that select overlapping pods",
        Kinds.SIDECAR, Kinds.POD, Kinds.NAMESPACE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<AnalysisResource, List<AnalysisResource>> podsToSidecars = new LinkedHashMap<>();
    Map<String, List<AnalysisResource>> namespaceSidecars = new LinkedHashMap<>();
    for (AnalysisResource sc : ctx.resources(Kinds.SIDECAR)) {
      Selector sel = Selector.of(sc.spec().path("workloadSelector").path("labels"));
      if (sel.isEmpty()) {
        namespaceSidecars.computeIfAbsent(sc.namespace(), k -> new ArrayList<>()).add(sc);
        continue;
      }
      boolean found = false;
      for (AnalysisResource pod : ctx.selectedBy(Kinds.POD, sel.labels())) {
        if (pod.namespace().equals(sc.namespace())) {
          found = true;
          podsToSidecars.computeIfAbsent(pod, k -> new ArrayList<>()).add(sc);
        }
      }
      if (!found) {
        ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, sc.ref(), "selector", sel.toString())
            .at(sel.firstLabelPath("spec.workloadSelector.labels.")));
      }
    }
    Set<String> reported = new HashSet<>();
    for (Map.Entry<AnalysisResource, List<AnalysisResource>> e : podsToSidecars.entrySet()) {
      AnalysisResource pod = e.getKey();
      boolean ambient = Workloads.podInAmbient(pod);
      if (e.getValue().size() == 1 && !ambient) {
        continue;
      }
      List<String> names = names(e.getValue());
      for (AnalysisResource sc : e.getValue()) {
        if (ambient) {
          if (reported.add(sc.fullName())) {
            ctx.report(Messages.INEFFECTIVE_POLICY, sc, "selected workload is in ambient mode, the policy has no impact");
          }
          continue;
        }
        ctx.report(Messages.CONFLICTING_SIDECAR_WORKLOAD_SELECTORS, sc, names, pod.namespace(), pod.name());
      }
    }
    for (Map.Entry<String, List<AnalysisResource>> e : namespaceSidecars.entrySet()) {
      AnalysisResource ns = ctx.find(Kinds.NAMESPACE, "", e.getKey()).orElse(null);
      if (Workloads.namespaceInAmbient(ns)) {
        for (AnalysisResource sc : e.getValue()) {
          if (reported.add(sc.fullName())) {
            ctx.report(Messages.INEFFECTIVE_POLICY, sc, "namespace is in ambient mode, the policy has no impact");
          }
        }
        continue;
      }
      if (e.getValue().size() > 1) {
        List<String> names = names(e.getValue());
        for (AnalysisResource sc : e.getValue()) {
          ctx.report(Messages.MULTIPLE_SIDECARS_WITHOUT_WORKLOAD_SELECTORS, sc, names, e.getKey());
        }
      }
    }
  }

  static List<String> names(List<AnalysisResource> rs) {
    List<String> out = new ArrayList<>();
    rs.forEach(r -> out.add(r.name()));
    return out;
  }
}
