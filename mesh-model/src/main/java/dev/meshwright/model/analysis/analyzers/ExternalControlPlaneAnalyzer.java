package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.validation.GoUrl;
import dev.meshwright.api.validation.IpAddresses;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;

/**
 * {@code externalcontrolplane.ExternalControlPlaneAnalyzer}: Istio's validating and injecting webhook
 * configurations whose client config has neither URL nor service or an unparsable URL (IST0163), or a URL
 * with an IP address instead of a host name (IST0164).
 */
public final class ExternalControlPlaneAnalyzer extends Base {
  public ExternalControlPlaneAnalyzer() {
    super("externalcontrolplane.ExternalControlPlaneAnalyzer",
        "Checks that the remote IstioOperator resources reference an external control plane",
        Kinds.VALIDATING_WEBHOOK, Kinds.MUTATING_WEBHOOK);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource r : ctx.resources(Kinds.VALIDATING_WEBHOOK)) {
      if (!r.name().isEmpty() && (r.name().equals("istiod-default-validator") || r.name().startsWith("istio-validator"))) {
        check(ctx, r);
      }
    }
    for (AnalysisResource r : ctx.resources(Kinds.MUTATING_WEBHOOK)) {
      if (r.name().startsWith("istio-sidecar-injector")) {
        check(ctx, r);
      }
    }
  }

  private static void check(AnalysisContext ctx, AnalysisResource r) {
    for (JsonNode hook : Json.list(r.tree(), "webhooks")) {
      String name = Json.text(hook, "name");
      JsonNode client = hook.path("clientConfig");
      JsonNode url = client.path("url");
      if (!url.isMissingNode() && !url.isNull()) {
        GoUrl.Parsed parsed = GoUrl.parse(url.asText());
        if (parsed.url().isEmpty()) {
          ctx.report(Messages.INVALID_EXTERNAL_CONTROL_PLANE_CONFIG, r, url.asText(), name,
              "was provided in an invalid format");
        } else if (IpAddresses.isIp(parsed.url().get().hostname())) {
          ctx.report(Messages.EXTERNAL_CONTROL_PLANE_ADDRESS_IS_NOT_A_HOSTNAME, r, url.asText(), name);
        }
      } else if (client.path("service").isMissingNode() || client.path("service").isNull()) {
        ctx.report(Messages.INVALID_EXTERNAL_CONTROL_PLANE_CONFIG, r, "", name, "is blank");
      }
    }
  }
}
