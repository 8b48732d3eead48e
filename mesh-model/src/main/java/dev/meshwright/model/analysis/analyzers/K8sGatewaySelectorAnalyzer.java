package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.List;

/**
 * {@code k8sgateway.SelectorAnalyzer}: AuthorizationPolicy, RequestAuthentication, Telemetry and WasmPlugin
 * selectors (without a targetRef) that match pods of a Gateway API managed gateway in their namespace (IST0166).
 */
public final class K8sGatewaySelectorAnalyzer extends Base {
  private static final List<String> POLICIES = List.of(
      Kinds.AUTHORIZATION_POLICY, Kinds.REQUEST_AUTHENTICATION, Kinds.TELEMETRY, Kinds.WASM_PLUGIN);

  public K8sGatewaySelectorAnalyzer() {
    super("k8sgateway.SelectorAnalyzer", "Check that selectors are effective for Kubernetes gateway",
        Kinds.AUTHORIZATION_POLICY, Kinds.REQUEST_AUTHENTICATION, Kinds.TELEMETRY, Kinds.WASM_PLUGIN, Kinds.POD);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    List<AnalysisResource> gatewayPods = ctx.resources(Kinds.POD).stream()
        .filter(p -> p.labels().containsKey(Workloads.GATEWAY_NAME_LABEL)).toList();
    for (String kind : POLICIES) {
      for (AnalysisResource r : ctx.resources(kind)) {
        JsonNode selector = r.spec().path("selector");
        if (present(r.spec().path("targetRef")) || !present(selector)) {
          continue;
        }
        Selector sel = Selector.of(selector.path("matchLabels"));
        for (AnalysisResource pod : gatewayPods) {
          if (pod.namespace().equals(r.namespace()) && sel.matches(pod.labels())) {
            ctx.report(Messages.INEFFECTIVE_SELECTOR, r, pod.labels().get(Workloads.GATEWAY_NAME_LABEL));
          }
        }
      }
    }
  }

  private static boolean present(JsonNode n) {
    return !n.isMissingNode() && !n.isNull();
  }
}
