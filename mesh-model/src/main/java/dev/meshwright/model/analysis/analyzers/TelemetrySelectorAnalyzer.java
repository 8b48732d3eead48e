package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code telemetry.SelectorAnalyzer}: Telemetry selectors that match no pod in their namespace (IST0101), and
 * several Telemetry objects selecting one pod (IST0159).
 */
public final class TelemetrySelectorAnalyzer extends Base {
  public TelemetrySelectorAnalyzer() {
    super("telemetry.SelectorAnalyzer", "Validates that telemetries that define a selector match at least one pod, "
        + "and that there aren't multiple telemetry resources that select overlapping pods",
        Kinds.TELEMETRY, Kinds.POD);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<AnalysisResource, List<AnalysisResource>> podsToTelemetries = new LinkedHashMap<>();
    for (AnalysisResource t : ctx.resources(Kinds.TELEMETRY)) {
      Selector sel = Selector.of(t.spec().path("selector").path("matchLabels"));
      if (sel.isEmpty()) {
        continue;
      }
      boolean found = false;
      for (AnalysisResource pod : ctx.selectedBy(Kinds.POD, sel.labels())) {
        if (pod.namespace().equals(t.namespace())) {
          found = true;
          podsToTelemetries.computeIfAbsent(pod, k -> new ArrayList<>()).add(t);
        }
      }
      if (!found) {
        ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, t.ref(), "selector", sel.toString())
            .at(sel.firstLabelPath("spec.selector.matchLabels.")));
      }
    }
    for (Map.Entry<AnalysisResource, List<AnalysisResource>> e : podsToTelemetries.entrySet()) {
      if (e.getValue().size() > 1) {
        List<String> names = SidecarSelectorAnalyzer.names(e.getValue());
        for (AnalysisResource t : e.getValue()) {
          ctx.report(Messages.CONFLICTING_TELEMETRY_WORKLOAD_SELECTORS, t, names, e.getKey().namespace(),
              e.getKey().name());
        }
      }
    }
  }
}
