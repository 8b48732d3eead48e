package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * istioctl's {@code proxy-config} short tables (and JSON sections) over an Envoy config dump in proto3 JSON:
 * clusters, listeners (one row per filter chain), routes (one row per route), endpoints and secrets. Pure.
 */
final class ConfigDumpTables {
  private ConfigDumpTables() {}

  private static final String ADMIN = "type.googleapis.com/envoy.admin.v3.";

  /** The config dump section of one kind. */
  static JsonNode section(JsonNode dump, String kind) {
    for (JsonNode c : dump.path("configs")) {
      if (c.path("@type").asText().equals(ADMIN + kind)) {
        return c;
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }

  /** The resources of one proxy-config kind, as the JSON array {@code -o json} prints. */
  static ArrayNode resources(JsonNode dump, String what) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    switch (what) {
      case "cluster" -> section(dump, "ClustersConfigDump").path("dynamicActiveClusters")
          .forEach(c -> out.add(c.path("cluster")));
      case "listener" -> section(dump, "ListenersConfigDump").path("dynamicListeners")
          .forEach(l -> out.add(l.path("activeState").path("listener")));
      case "route" -> section(dump, "RoutesConfigDump").path("dynamicRouteConfigs")
          .forEach(r -> out.add(r.path("routeConfig")));
      case "endpoint" -> section(dump, "EndpointsConfigDump").path("dynamicEndpointConfigs")
          .forEach(e -> out.add(e.path("endpointConfig")));
      case "secret" -> section(dump, "SecretsConfigDump").path("dynamicActiveSecrets").forEach(out::add);
      default -> throw new IllegalArgumentException("unknown kind " + what);
    }
    return out;
  }

  static void clusters(JsonNode dump, PrintWriter out) {
    Table t = new Table(5, "SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE");
    for (JsonNode c : resources(dump, "cluster")) {
      String name = c.path("name").asText();
      String[] p = name.split("\\|", -1);
      String type = c.has("clusterType") ? c.path("clusterType").path("name").asText() : c.path("type").asText("EDS");
      if (p.length == 4 && (p[0].equals("outbound") || p[0].equals("inbound"))) {
        t.row(p[3], p[1], p[2].isEmpty() ? "-" : p[2], p[0], type, istioConfig(c));
      } else {
        t.row(name, "-", "-", "-", type, istioConfig(c));
      }
    }
    t.print(out);
  }

  static void listeners(JsonNode dump, PrintWriter out) {
    Table t = new Table(5, "ADDRESSES", "PORT", "MATCH", "DESTINATION");
    for (JsonNode l : resources(dump, "listener")) {
      JsonNode sa = l.path("address").path("socketAddress");
      String addr = sa.path("address").asText(l.path("name").asText());
      String port = sa.has("portValue") ? sa.path("portValue").asText() : "-";
      if (l.has("apiListener")) {
        t.row(addr, port, "ALL", destination(List.of(l.path("apiListener").path("apiListener"))));
        continue;
      }
      for (JsonNode fc : l.path("filterChains")) {
        List<JsonNode> filters = new ArrayList<>();
        fc.path("filters").forEach(f -> filters.add(f.path("typedConfig")));
        t.row(addr, port, match(fc.path("filterChainMatch")), destination(filters));
      }
    }
    t.print(out);
  }

  private static String match(JsonNode m) {
    List<String> parts = new ArrayList<>();
    if (m.has("prefixRanges")) {
      List<String> r = new ArrayList<>();
      m.path("prefixRanges").forEach(p -> r.add(p.path("addressPrefix").asText() + "/" + p.path("prefixLen").asText()));
      parts.add("Addr: " + String.join(",", r));
    }
    if (m.has("destinationPort")) {
      parts.add("Port: " + m.path("destinationPort").asText());
    }
    if (m.has("serverNames")) {
      parts.add("SNI: " + join(m.path("serverNames")));
    }
    if (m.has("transportProtocol")) {
      parts.add("Trans: " + m.path("transportProtocol").asText());
    }
    if (m.has("applicationProtocols")) {
      parts.add("App: " + join(m.path("applicationProtocols")));
    }
    return parts.isEmpty() ? "ALL" : String.join("; ", parts);
  }

  private static String destination(List<JsonNode> typedConfigs) {
    for (JsonNode tc : typedConfigs) {
      String type = tc.path("@type").asText();
      if (type.endsWith("HttpConnectionManager")) {
        if (tc.has("rds")) {
          return "Route: " + tc.path("rds").path("routeConfigName").asText();
        }
        return "Inline Route: " + tc.path("routeConfig").path("name").asText();
      }
      if (type.endsWith("TcpProxy")) {
        return "Cluster: " + tc.path("cluster").asText();
      }
    }
    return "Non-HTTP/Non-TCP";
  }

  static void routes(JsonNode dump, PrintWriter out) {
    Table t = new Table(5, "NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE");
    for (JsonNode rc : resources(dump, "route")) {
      for (JsonNode vh : rc.path("virtualHosts")) {
        JsonNode d = vh.path("domains");
        String domains = d.size() == 0 ? "" : d.size() == 1 ? d.get(0).asText()
            : d.get(0).asText() + " + " + (d.size() - 1) + " more...";
        for (JsonNode r : vh.path("routes")) {
          t.row(rc.path("name").asText(), vh.path("name").asText(), domains, routeMatch(r.path("match")),
              istioConfig(r));
        }
      }
    }
    t.print(out);
  }

  private static String routeMatch(JsonNode m) {
    if (m.has("path")) {
      return m.path("path").asText();
    }
    if (m.has("safeRegex")) {
      return m.path("safeRegex").path("regex").asText();
    }
    String prefix = m.path("prefix").asText("/");
    return (prefix.isEmpty() ? "/" : prefix) + "*";
  }

  static void endpoints(JsonNode dump, PrintWriter out) {
    Table t = new Table(5, "ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER");
    for (JsonNode cla : resources(dump, "endpoint")) {
      for (JsonNode group : cla.path("endpoints")) {
        for (JsonNode lb : group.path("lbEndpoints")) {
          JsonNode sa = lb.path("endpoint").path("address").path("socketAddress");
          t.row(sa.path("address").asText() + ":" + sa.path("portValue").asText(),
              lb.path("healthStatus").asText("HEALTHY"), "OK", cla.path("clusterName").asText());
        }
      }
    }
    t.print(out);
  }

  static void secrets(JsonNode dump, PrintWriter out) {
    Table t = new Table(5, "RESOURCE NAME", "TYPE", "STATUS", "VALID CERT", "SERIAL NUMBER", "NOT AFTER",
        "NOT BEFORE");
    for (JsonNode s : resources(dump, "secret")) {
      JsonNode secret = s.path("secret");
      boolean ca = secret.has("validationContext");
      String b64 = ca ? secret.path("validationContext").path("trustedCa").path("inlineBytes").asText()
          : secret.path("tlsCertificate").path("certificateChain").path("inlineBytes").asText();
      X509Certificate cert = firstCertificate(b64);
      if (cert == null) {
        t.row(s.path("name").asText(), ca ? "CA" : "Cert Chain", "ACTIVE", "false", "-", "-", "-");
        continue;
      }
      Instant now = Instant.now();
      boolean valid = !now.isBefore(cert.getNotBefore().toInstant()) && now.isBefore(cert.getNotAfter().toInstant());
      t.row(s.path("name").asText(), ca ? "CA" : "Cert Chain", "ACTIVE", String.valueOf(valid),
          cert.getSerialNumber().toString(16), cert.getNotAfter().toInstant().toString(),
          cert.getNotBefore().toInstant().toString());
    }
    t.print(out);
  }

  private static X509Certificate firstCertificate(String base64) {
    if (base64.isEmpty()) {
      return null;
    }
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    } catch (CertificateException | IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code name.namespace} of the Istio config a resource came from ({@code istio.config} metadata), else "-". */
  private static String istioConfig(JsonNode resource) {
    String path = resource.path("metadata").path("filterMetadata").path("istio").path("config").asText("");
    String[] p = path.split("/");
    return p.length >= 2 && path.startsWith("/apis/") ? p[p.length - 1] + "." + p[p.length - 3] : "-";
  }

  private static String join(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return String.join(",", out);
  }
}
