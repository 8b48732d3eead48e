package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Analyzer;
import dev.meshwright.model.analysis.AnalyzerMetadata;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.List;

/**
 * {@code destinationrule.CaCertificateAnalyzer}: SIMPLE or MUTUAL client TLS that does not verify the server
 * (no {@code caCertificates}; a {@code credentialName} counts only with a workload selector), at the
 * destination level (IST0128) and per port (IST0129).
 */
public final class CaCertificateAnalyzer implements Analyzer {
  @Override
  public AnalyzerMetadata metadata() {
    return AnalyzerMetadata.of("destinationrule.CaCertificateAnalyzer",
        "Checks if caCertificates is set when TLS mode is SIMPLE/MUTUAL", Kinds.DESTINATION_RULE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource r : ctx.resources(Kinds.DESTINATION_RULE)) {
      JsonNode spec = r.spec();
      boolean selector = spec.has("workloadSelector") && !spec.get("workloadSelector").isNull();
      String host = Json.text(spec, "host");
      JsonNode tls = spec.path("trafficPolicy").path("tls");
      String mode = Json.text(tls, "mode");
      if (unverified(tls, selector)) {
        ctx.report(AnalysisMessage.of(Messages.NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL, r.ref(),
            r.fullName(), r.namespace(), mode, host).at("spec.trafficPolicy.tls.caCertificates"));
      }
      List<JsonNode> ports = Json.list(spec.path("trafficPolicy"), "portLevelSettings");
      for (int i = 0; i < ports.size(); i++) {
        JsonNode p = ports.get(i);
        JsonNode ptls = p.path("tls");
        if (unverified(ptls, selector)) {
          ctx.report(AnalysisMessage.of(Messages.NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL, r.ref(),
              r.fullName(), r.namespace(), Json.text(ptls, "mode"), host, portString(p.path("port")))
              .at("spec.trafficPolicy.portLevelSettings[" + i + "].tls.caCertificates"));
        }
      }
    }
  }

  private static boolean unverified(JsonNode tls, boolean selector) {
    String mode = Json.text(tls, "mode");
    if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
      return false;
    }
    return Json.text(tls, "caCertificates").isEmpty() && !(!Json.text(tls, "credentialName").isEmpty() && selector);
  }

  /** The port selector as Go's proto text prints it ({@code number:8080}). */
  private static String portString(JsonNode port) {
    long n = Json.number(port, "number");
    return n == 0 ? "" : "number:" + n;
  }
}
