package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;

/**
 * {@code telemetry.ProviderAnalyzer}: when the mesh config names no default access-log provider, enabled
 * access-logging entries of a Telemetry without providers (IST0157).
 */
public final class TelemetryProviderAnalyzer extends Base {
  public TelemetryProviderAnalyzer() {
    super("telemetry.ProviderAnalyzer", "Validates that providers in telemetry resource is valid",
        Kinds.TELEMETRY, Kinds.MESH_CONFIG);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    if (!Json.list(ctx.meshConfigTree().path("defaultProviders"), "accessLogging").isEmpty()) {
      return;
    }
    for (AnalysisResource t : ctx.resources(Kinds.TELEMETRY)) {
      for (JsonNode l : Json.list(t.spec(), "accessLogging")) {
        if (l.path("disabled").asBoolean(false)) {
          continue;
        }
        if (Json.list(l, "providers").isEmpty()) {
          ctx.report(Messages.INVALID_TELEMETRY_PROVIDER, t, t.name(), t.namespace());
        }
      }
    }
  }
}
