package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code service.PortNameAnalyzer}: Service ports whose name or appProtocol names no protocol Istio knows
 * (IST0118), and ExternalName services with such ports or a port named {@code tcp} (IST0150).
 */
public final class PortNameAnalyzer extends Base {
  private static final Set<String> PROTOCOLS = Set.of(
      "tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql");
  private static final Set<Long> WELL_KNOWN_PORTS = Set.of(25L, 53L, 3306L, 27017L);

  public PortNameAnalyzer() {
    super("service.PortNameAnalyzer", "Checks the port names associated with each service", Kinds.SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource r : ctx.resources(Kinds.SERVICE)) {
      if (Workloads.isControlPlane(r)) {
        continue;
      }
      String managed = r.labels().get(Workloads.MANAGED_GATEWAY_LABEL);
      if ("istio.io-gateway-controller".equals(managed) || "istio.io-mesh-controller".equals(managed)) {
        continue;
      }
      boolean externalName = Json.text(r.spec(), "type").equals("ExternalName");
      List<JsonNode> ports = Json.list(r.spec(), "ports");
      for (int i = 0; i < ports.size(); i++) {
        JsonNode p = ports.get(i);
        String name = Json.text(p, "name");
        if (unsupported(p) || name.equals("tcp") && externalName) {
          AnalysisMessage m = externalName
              ? AnalysisMessage.of(Messages.EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME, r.ref())
              : AnalysisMessage.of(Messages.PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION, r.ref(), name,
                  Json.number(p, "port"), targetPort(p));
          ctx.report(m.at("spec.ports[" + i + "].port"));
        }
      }
    }
  }

  private static String targetPort(JsonNode p) {
    JsonNode t = p.path("targetPort");
    return t.isMissingNode() || t.isNull() ? "0" : t.asText();
  }

  /** Whether Istio's protocol conversion of the port gives no protocol. */
  static boolean unsupported(JsonNode p) {
    if (Json.text(p, "protocol").equals("UDP")) {
      return false;
    }
    String name = Json.text(p, "name");
    if (p.has("appProtocol") && !p.get("appProtocol").isNull()) {
      name = p.get("appProtocol").asText();
      if (name.equals("kubernetes.io/h2c")) {
        return false;
      }
    }
    if (name.length() >= 8 && name.substring(0, 8).equalsIgnoreCase("grpc-web")) {
      return false;
    }
    int dash = name.indexOf('-');
    if (dash >= 0) {
      name = name.substring(0, dash);
    }
    if (PROTOCOLS.contains(name.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return !WELL_KNOWN_PORTS.contains(Json.number(p, "port"));
  }
}
