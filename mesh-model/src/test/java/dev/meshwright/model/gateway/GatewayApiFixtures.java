package dev.meshwright.model.gateway;

import dev.meshwright.model.gateway.ServiceLookup.PortInfo;
import dev.meshwright.model.gateway.ServiceLookup.ServiceInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small worlds for the conversion tests: a few services with an http port, one valid secret. */
final class GatewayApiFixtures {
  static final String GATEWAY = """
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: GatewayClass
      metadata: {name: istio}
      spec: {controllerName: istio.io/gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: Gateway
      metadata: {name: gw, namespace: istio-system}
      spec:
        gatewayClassName: istio
        addresses: [{type: Hostname, value: istio-ingressgateway}]
        listeners:
        - name: web
          hostname: "*.example.com"
          port: 80
          protocol: HTTP
          allowedRoutes: {namespaces: {from: All}}
      """;

  private GatewayApiFixtures() {}

  static GatewayApiResult translate(String yaml) {
    return translate(yaml, "cluster.local", List.of());
  }

  /**
   * Converts {@code yaml} in a cluster whose services are named under {@code domain}; the ingress gateway's
   * Service has the load balancer addresses {@code ingressExternal}.
   */
  static GatewayApiResult translate(String yaml, String domain, List<String> ingressExternal) {
    GatewayApiReader reader = new GatewayApiReader().add("test.yaml", yaml);
    if (!reader.diagnostics().isEmpty()) {
      throw new AssertionError(reader.diagnostics());
    }
    Map<String, Map<String, String>> ns = new LinkedHashMap<>();
    reader.namespaces().forEach(n -> ns.put(n, Map.of()));
    List<ServiceInfo> services = new ArrayList<>();
    for (String host : List.of("istio-ingressgateway.istio-system", "a.default", "b.default", "c.other")) {
      String namespace = host.substring(host.indexOf('.') + 1);
      services.add(new ServiceInfo(host + ".svc." + domain, namespace,
          List.of(new PortInfo("http", 80, "HTTP", List.of(8080))), List.of(),
          host.startsWith("istio-ingressgateway.") ? ingressExternal : List.of(), ServiceLookup.ServiceType.CLUSTER_IP));
    }
    SecretLookup secrets = (n, name) -> name.equals("good") ? SecretLookup.SecretCheck.valid()
        : name.equals("bad") ? SecretLookup.SecretCheck.malformed("tls: failed to find any PEM data in certificate input")
        : SecretLookup.SecretCheck.notFound();
    GatewayEnvironment env = new GatewayEnvironment(domain, ServiceLookup.of(services), secrets, ns,
        Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    return new GatewayApiTranslator(env).translate(reader.resources());
  }

  static ObjectStatus status(GatewayApiResult r, String kind, String name) {
    return r.statuses().stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no status for " + kind + " " + name));
  }
}
