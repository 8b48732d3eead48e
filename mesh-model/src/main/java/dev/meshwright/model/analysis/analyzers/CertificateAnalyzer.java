package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway.CertificateAnalyzer}: two Gateways selecting the same workload (the other's selector contains
 * this one's) whose TLS servers reuse a certificate: the same {@code credentialName}, or the same server
 * certificate and private key (IST0138).
 */
public final class CertificateAnalyzer extends Base {
  public CertificateAnalyzer() {
    super("gateway.CertificateAnalyzer", "Checks a gateway certificate", Kinds.GATEWAY);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource current : ctx.resources(Kinds.GATEWAY)) {
      Map<String, String> selector = Json.stringMap(current.spec().path("selector"));
      for (AnalysisResource other : ctx.resources(Kinds.GATEWAY)) {
        if (other == current || !subset(selector, Json.stringMap(other.spec().path("selector")))) {
          continue;
        }
        for (JsonNode cs : Json.list(current.spec(), "servers")) {
          for (JsonNode os : Json.list(other.spec(), "servers")) {
            if (cs.has("tls") && os.has("tls") && sameCertificate(cs.get("tls"), os.get("tls"))) {
              ctx.report(Messages.GATEWAY_DUPLICATE_CERTIFICATE, current, List.of(current.fullName(), other.fullName()));
            }
          }
        }
      }
    }
  }

  private static boolean subset(Map<String, String> x, Map<String, String> y) {
    if (x.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, String> e : x.entrySet()) {
      if (!e.getValue().equals(y.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameCertificate(JsonNode a, JsonNode b) {
    String ca = Json.text(a, "credentialName");
    String cb = Json.text(b, "credentialName");
    if (!ca.isEmpty() && !cb.isEmpty()) {
      return ca.equals(cb);
    }
    if (ca.isEmpty() && cb.isEmpty()) {
      String sa = Json.text(a, "serverCertificate");
      String sb = Json.text(b, "serverCertificate");
      if (!sa.isEmpty() && sa.equals(sb)) {
        String ka = Json.text(a, "privateKey");
        String kb = Json.text(b, "privateKey");
        return !ka.isEmpty() && !kb.isEmpty() && ka.equals(kb);
      }
    }
    return false;
  }
}
