package dev.meshwright.bench;

/**
 * Writes a synthetic mesh as multi-document YAML for the analysis benchmark: {@code services} Services in
 * {@code services / 50} namespaces (injection on), five in-mesh Pods per Service, and Istio config adding up to
 * three per Service: a VirtualService and a DestinationRule per Service, plus ServiceEntries, ingress Gateways,
 * AuthorizationPolicies, Sidecars and Telemetry objects making up the rest. Most references resolve; every
 * tenth VirtualService routes to a subset no DestinationRule defines, so analyzers also report. Deterministic.
 */
public final class AnalysisMeshGenerator {
  /** Services per namespace. */
  static final int PER_NAMESPACE = 50;
  /** Pods per Service. */
  static final int PODS = 5;

  private AnalysisMeshGenerator() {}

  /** The whole mesh as one YAML text. */
  public static String yaml(int services) {
    StringBuilder b = new StringBuilder(services * 4000);
    int namespaces = Math.max(1, services / PER_NAMESPACE);
    for (int n = 0; n < namespaces; n++) {
      doc(b, """
          apiVersion: v1
          kind: Namespace
          metadata: {name: ns-%d, labels: {istio-injection: enabled}}
          """.formatted(n));
    }
    int extra = services;
    for (int i = 0; i < services; i++) {
      String ns = "ns-" + (i % namespaces);
      String app = "svc-" + i;
      doc(b, """
          apiVersion: v1
          kind: Service
          metadata: {name: %s, namespace: %s}
          spec:
            selector: {app: %s}
            ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]
          """.formatted(app, ns, app));
      for (int p = 0; p < PODS; p++) {
        doc(b, """
            apiVersion: v1
            kind: Pod
            metadata: {name: %s-%d, namespace: %s, labels: {app: %s, version: v%d}}
            spec:
              containers:
              - {name: app, image: "example/app:1"}
              - {name: istio-proxy, image: "docker.io/istio/proxyv2:1.22.8"}
            """.formatted(app, p, ns, app, p % 2 + 1));
      }
      doc(b, """
          apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: %s, namespace: %s}
          spec:
            hosts: [%s]
            http:
            - match: [{uri: {prefix: /api}}]
              route: [{destination: {host: %s, subset: %s}}]
            - route: [{destination: {host: %s, subset: v1}}]
          """.formatted(app, ns, app, app, i % 10 == 0 ? "v9" : "v2", app));
      doc(b, """
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: %s, namespace: %s}
          spec:
            host: %s
            trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
            subsets:
            - {name: v1, labels: {version: v1}}
            - {name: v2, labels: {version: v2}}
          """.formatted(app, ns, app));
      String kind = switch (i % 5) {
        case 0 -> serviceEntry(i, ns);
        case 1 -> gateway(i, ns);
        case 2 -> authorizationPolicy(app, ns);
        case 3 -> sidecar(app, ns);
        default -> telemetry(app, ns);
      };
      doc(b, kind);
    }
    return b.toString();
  }

  private static String serviceEntry(int i, String ns) {
    return """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: ext-%d, namespace: %s}
        spec:
          hosts: [api%d.example.com]
          addresses: [240.0.%d.%d]
          ports: [{number: 443, name: https, protocol: HTTPS}]
          resolution: DNS
        """.formatted(i, ns, i, i / 250, i % 250);
  }

  private static String gateway(int i, String ns) {
    return """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gw-%d, namespace: %s}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [app%d.example.com]}]
        """.formatted(i, ns, i);
  }

  private static String authorizationPolicy(String app, String ns) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: %s, namespace: %s}
        spec:
          selector: {matchLabels: {app: %s}}
          rules: [{from: [{source: {namespaces: [%s]}}]}]
        """.formatted(app, ns, app, ns);
  }

  private static String sidecar(String app, String ns) {
    return """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: %s, namespace: %s}
        spec:
          workloadSelector: {labels: {app: %s}}
          egress: [{hosts: ["./*", "istio-system/*"]}]
        """.formatted(app, ns, app);
  }

  private static String telemetry(String app, String ns) {
    return """
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata: {name: %s, namespace: %s}
        spec:
          selector: {matchLabels: {app: %s}}
          accessLogging: [{providers: [{name: envoy}]}]
        """.formatted(app, ns, app);
  }

  private static void doc(StringBuilder b, String text) {
    if (b.length() > 0) {
      b.append("---\n");
    }
    b.append(text);
  }
}
