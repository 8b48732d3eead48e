package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;

/**
 * {@code applicationUID.Analyzer}: Pods and Deployments (outside Istio's control plane) whose pod security
 * context or an application container's runs as UID 1337, the proxy's (IST0144, once per occurrence).
 */
public final class ApplicationUidAnalyzer extends Base {
  private static final long PROXY_UID = 1337;

  public ApplicationUidAnalyzer() {
    super("applicationUID.Analyzer", "Checks invalid application UID", Kinds.POD, Kinds.DEPLOYMENT);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource pod : ctx.resources(Kinds.POD)) {
      check(ctx, pod, pod.spec());
    }
    for (AnalysisResource d : ctx.resources(Kinds.DEPLOYMENT)) {
      check(ctx, d, d.spec().path("template").path("spec"));
    }
  }

  private static void check(AnalysisContext ctx, AnalysisResource r, JsonNode podSpec) {
    if (Workloads.isControlPlane(r)) {
      return;
    }
    if (runsAsProxy(podSpec)) {
      ctx.report(Messages.INVALID_APPLICATION_UID, r);
    }
    for (JsonNode c : Json.list(podSpec, "containers")) {
      String name = Json.text(c, "name");
      if (!name.equals(Workloads.PROXY) && !name.equals("istio-operator") && runsAsProxy(c)) {
        ctx.report(Messages.INVALID_APPLICATION_UID, r);
      }
    }
  }

  private static boolean runsAsProxy(JsonNode holder) {
    JsonNode uid = holder.path("securityContext").path("runAsUser");
    return uid.canConvertToLong() && uid.asLong() == PROXY_UID;
  }
}
