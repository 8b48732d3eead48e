package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.HashSet;
import java.util.Set;

/** {@code telemetry.LightstepAnalyzer}: Telemetry tracing through a mesh-config Lightstep provider, which is deprecated (IST0002). */
public final class LightstepAnalyzer extends Base {
  public LightstepAnalyzer() {
    super("telemetry.LightstepAnalyzer", "Validates that lightstep provider is still used",
        Kinds.TELEMETRY, Kinds.MESH_CONFIG);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Set<String> lightstep = new HashSet<>();
    for (JsonNode p : Json.list(ctx.meshConfigTree(), "extensionProviders")) {
      if (p.has("lightstep")) {
        lightstep.add(Json.text(p, "name"));
      }
    }
    if (lightstep.isEmpty()) {
      return;
    }
    for (AnalysisResource t : ctx.resources(Kinds.TELEMETRY)) {
      for (JsonNode tracing : Json.list(t.spec(), "tracing")) {
        for (JsonNode p : Json.list(tracing, "providers")) {
          String name = Json.text(p, "name");
          if (lightstep.contains(name)) {
            ctx.report(Messages.DEPRECATED, t,
                "The Lightstep provider " + name + " is deprecated, please migrate to OpenTelemetry provider.");
          }
        }
      }
    }
  }
}
