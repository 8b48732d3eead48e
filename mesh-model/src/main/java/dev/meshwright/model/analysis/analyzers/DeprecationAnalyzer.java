package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.Set;

/**
 * {@code deprecation.DeprecationAnalyzer}: VirtualService {@code fault.delay.percent}, Sidecar
 * {@code outboundTrafficPolicy.egressProxy} and the removed {@code rbac.istio.io} custom resource types (IST0002).
 */
public final class DeprecationAnalyzer extends Base {
  private static final Set<String> REMOVED_RBAC_KINDS =
      Set.of("ClusterRbacConfig", "RbacConfig", "ServiceRole", "ServiceRoleBinding");

  public DeprecationAnalyzer() {
    super("deprecation.DeprecationAnalyzer", "Checks for deprecated Istio types and fields",
        Kinds.VIRTUAL_SERVICE, Kinds.SIDECAR, Kinds.CRD);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource vs : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      for (JsonNode http : Json.list(vs.spec(), "http")) {
        if (http.path("fault").path("delay").path("percent").asLong(0) > 0) {
          ctx.report(Messages.DEPRECATED, vs,
              "HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage");
        }
      }
    }
    for (AnalysisResource sc : ctx.resources(Kinds.SIDECAR)) {
      JsonNode egress = sc.spec().path("outboundTrafficPolicy").path("egressProxy");
      if (!egress.isMissingNode() && !egress.isNull()) {
        ctx.report(Messages.DEPRECATED, sc, "OutboundTrafficPolicy.EgressProxy ignored");
      }
    }
    for (AnalysisResource crd : ctx.resources(Kinds.CRD)) {
      String group = Json.text(crd.spec(), "group");
      String kind = Json.text(crd.spec().path("names"), "kind");
      if (group.equals("rbac.istio.io") && REMOVED_RBAC_KINDS.contains(kind)) {
        ctx.report(Messages.DEPRECATED, crd, "Custom resource type " + group + " " + kind + " is removed");
      }
    }
  }
}
