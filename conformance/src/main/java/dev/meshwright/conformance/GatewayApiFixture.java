package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.gateway.GatewayEnvironment;
import dev.meshwright.model.gateway.SecretLookup;
import dev.meshwright.model.gateway.ServiceLookup;
import dev.meshwright.model.gateway.ServiceLookup.PortInfo;
import dev.meshwright.model.gateway.ServiceLookup.ServiceInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world the gateway-api corpus cases run in, read from {@code cases.yaml › fixtures}: domain suffix,
 * pre-registered services with their ports and endpoints, TLS secrets, and one labelled namespace per
 * namespace of the input. Immutable.
 */
final class GatewayApiFixture {
  /** Go's crypto/tls error for a certificate without PEM blocks. */
  static final String NO_PEM = "tls: failed to find any PEM data in certificate input";

  private final String domain;
  private final List<ServiceInfo> services;
  private final Map<String, SecretLookup.SecretCheck> secrets;

  private GatewayApiFixture(String domain, List<ServiceInfo> services, Map<String, SecretLookup.SecretCheck> secrets) {
    this.domain = domain;
    this.services = List.copyOf(services);
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * The fixture of {@code fixtures}. Without a {@code domain_suffix} the suffix is the one the fixture's
   * Kubernetes service hostnames ({@code name.ns.svc.SUFFIX}) share, and {@code cluster.local} only when
   * there is none: the conversion must see the same suffix the services are registered under.
   */
  static GatewayApiFixture read(JsonNode fixtures) {
    String domain = fixtures.path("domain_suffix").asText("");
    if (domain.isEmpty()) {
      domain = inferredSuffix(fixtures.path("services"));
    }
    List<PortInfo> ports = new ArrayList<>();
    for (JsonNode p : fixtures.path("service_ports")) {
      JsonNode ep = p.path("endpoint_port");
      ports.add(new PortInfo(p.path("name").asText(), p.path("port").asInt(), p.path("protocol").asText(),
          List.of(ep.isNull() || ep.isMissingNode() ? 0 : ep.asInt())));
    }
    List<ServiceInfo> services = new ArrayList<>();
    for (JsonNode s : fixtures.path("services")) {
      List<String> external = new ArrayList<>();
      s.path("cluster_external_addresses").forEach(list -> list.forEach(a -> external.add(a.asText())));
      // The upstream services have no VIP; Istio then reports their default address, the empty string.
      services.add(new ServiceInfo(s.path("hostname").asText(), s.path("namespace").asText(), ports, List.of(""),
          external, ServiceLookup.ServiceType.CLUSTER_IP));
    }
    Map<String, SecretLookup.SecretCheck> secrets = new HashMap<>();
    for (JsonNode s : fixtures.path("secrets")) {
      boolean valid = s.path("kind").asText().startsWith("valid");
      secrets.put(s.path("namespace").asText() + "/" + s.path("name").asText(),
          valid ? SecretLookup.SecretCheck.valid() : SecretLookup.SecretCheck.malformed(NO_PEM));
    }
    return new GatewayApiFixture(domain, services, secrets);
  }

  private static String inferredSuffix(JsonNode services) {
    for (JsonNode s : services) {
      String host = s.path("hostname").asText();
      String prefix = s.path("name").asText() + "." + s.path("namespace").asText() + ".svc.";
      int svc = host.indexOf(".svc.");
      if (host.startsWith(prefix) && host.length() > prefix.length()) {
        return host.substring(prefix.length());
      }
      if (svc > 0 && host.indexOf('.') < svc && host.length() > svc + 5) {
        return host.substring(svc + 5);
      }
    }
    return "cluster.local";
  }

  /** The environment for an input whose objects live in {@code namespaces}. */
  GatewayEnvironment environment(Set<String> namespaces) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (String ns : namespaces) {
      labels.put(ns, Map.of("istio.io/test-name-part", ns.split("-", -1)[0]));
    }
    SecretLookup secretLookup = (ns, name) -> secrets.getOrDefault(ns + "/" + name, SecretLookup.SecretCheck.notFound());
    return new GatewayEnvironment(domain, ServiceLookup.of(services), secretLookup, labels,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }
}
