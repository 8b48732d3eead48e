package dev.meshwright.cli;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.networking.ServicePort;
import dev.meshwright.model.gateway.GatewayApiReader;
import dev.meshwright.model.gateway.GatewayEnvironment;
import dev.meshwright.model.gateway.SecretLookup;
import dev.meshwright.model.gateway.ServiceLookup;
import dev.meshwright.model.gateway.ServiceLookup.PortInfo;
import dev.meshwright.model.gateway.ServiceLookup.ServiceInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster a directory of config describes, for the Gateway API conversion: Services and ServiceEntries
 * (every port assumed to have endpoints), TLS Secrets (usable when {@code tls.crt} and {@code tls.key} hold
 * PEM blocks) and Namespace labels. Stateless.
 */
final class ClusterFacts {
  /** Go's crypto/tls wording for a certificate without PEM blocks. */
  static final String NO_PEM = "tls: failed to find any PEM data in certificate input";

  private ClusterFacts() {}

  static GatewayEnvironment environment(GatewayApiReader reader, String domain, Clock clock) {
    List<ServiceInfo> services = new ArrayList<>();
    Map<String, SecretLookup.SecretCheck> secrets = new HashMap<>();
    Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
    reader.namespaces().forEach(ns -> namespaces.put(ns, Map.of()));
    for (GenericResource g : reader.others()) {
      String ns = g.metadata().namespace().filter(s -> !s.isEmpty()).orElse("default");
      String name = g.metadata().name().orElse("");
      switch (g.kind()) {
        case "Namespace" -> namespaces.put(name, g.metadata().labels());
        case "Service" -> services.add(service(g, name + "." + ns + ".svc." + domain, ns));
        case "Secret" -> secrets.put(ns + "/" + name, secret(g));
        default -> { }
      }
    }
    for (ServiceEntry se : reader.resources().serviceEntries()) {
      String ns = se.metadata().namespace().filter(s -> !s.isEmpty()).orElse("default");
      List<PortInfo> ports = new ArrayList<>();
      for (ServicePort p : se.spec().ports()) {
        int number = p.number().orElse(0);
        ports.add(new PortInfo(p.name().orElse(""), number, p.protocol().orElse("TCP"),
            List.of(p.targetPort().orElse(number))));
      }
      for (String host : se.spec().hosts()) {
        services.add(new ServiceInfo(host, ns, ports, se.spec().addresses(), List.of(), ServiceLookup.ServiceType.CLUSTER_IP));
      }
    }
    SecretLookup lookup = (ns, name) -> secrets.getOrDefault(ns + "/" + name, SecretLookup.SecretCheck.notFound());
    return new GatewayEnvironment(domain, ServiceLookup.of(services), lookup, namespaces, clock);
  }

  @SuppressWarnings("unchecked")
  private static ServiceInfo service(GenericResource g, String hostname, String ns) {
    Map<String, Object> spec = g.body().get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    List<PortInfo> ports = new ArrayList<>();
    if (spec.get("ports") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> p) {
          int port = p.get("port") instanceof Number n ? n.intValue() : 0;
          int target = p.get("targetPort") instanceof Number n ? n.intValue() : port;
          ports.add(new PortInfo(String.valueOf(p.get("name")), port,
              p.get("protocol") == null ? "TCP" : String.valueOf(p.get("protocol")), List.of(target)));
        }
      }
    }
    List<String> addresses = spec.get("clusterIP") instanceof String ip && !ip.equals("None") ? List.of(ip) : List.of();
    List<String> external = new ArrayList<>();
    if (g.body().get("status") instanceof Map<?, ?> st && st.get("loadBalancer") instanceof Map<?, ?> lb
        && lb.get("ingress") instanceof List<?> ingress) {
      for (Object o : ingress) {
        if (o instanceof Map<?, ?> i) {
          Object v = i.get("ip") != null ? i.get("ip") : i.get("hostname");
          if (v != null) {
            external.add(String.valueOf(v));
          }
        }
      }
    }
    ServiceLookup.ServiceType type = "LoadBalancer".equals(spec.get("type"))
        ? ServiceLookup.ServiceType.LOAD_BALANCER : ServiceLookup.ServiceType.CLUSTER_IP;
    return new ServiceInfo(hostname, ns, ports, addresses, external, type);
  }

  private static SecretLookup.SecretCheck secret(GenericResource g) {
    String cert = field(g, "tls.crt");
    String key = field(g, "tls.key");
    if (cert.contains("-----BEGIN") && key.contains("-----BEGIN")) {
      return SecretLookup.SecretCheck.valid();
    }
    return SecretLookup.SecretCheck.malformed(NO_PEM);
  }

  /** A secret value from {@code stringData}, or base64-decoded from {@code data}; empty when absent. */
  private static String field(GenericResource g, String key) {
    if (g.body().get("stringData") instanceof Map<?, ?> sd && sd.get(key) != null) {
      return String.valueOf(sd.get(key));
    }
    if (g.body().get("data") instanceof Map<?, ?> d && d.get(key) != null) {
      try {
        return new String(Base64.getMimeDecoder().decode(String.valueOf(d.get(key))), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return "";
  }
}
