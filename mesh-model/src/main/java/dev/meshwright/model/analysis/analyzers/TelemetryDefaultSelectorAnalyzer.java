package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code telemetry.DefaultSelectorAnalyzer}: several selector-less Telemetry objects in one namespace (IST0160). */
public final class TelemetryDefaultSelectorAnalyzer extends Base {
  public TelemetryDefaultSelectorAnalyzer() {
    super("telemetry.DefaultSelectorAnalyzer",
        "Validates that there aren't multiple telemetry resources that have no selector", Kinds.TELEMETRY);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, List<AnalysisResource>> byNamespace = new LinkedHashMap<>();
    for (AnalysisResource t : ctx.resources(Kinds.TELEMETRY)) {
      JsonNode sel = t.spec().path("selector");
      if (sel.isMissingNode() || sel.isNull()) {
        byNamespace.computeIfAbsent(t.namespace(), k -> new ArrayList<>()).add(t);
      }
    }
    for (Map.Entry<String, List<AnalysisResource>> e : byNamespace.entrySet()) {
      if (e.getValue().size() > 1) {
        List<String> names = SidecarSelectorAnalyzer.names(e.getValue());
        for (AnalysisResource t : e.getValue()) {
          ctx.report(Messages.MULTIPLE_TELEMETRIES_WITHOUT_WORKLOAD_SELECTORS, t, names, e.getKey());
        }
      }
    }
  }
}
