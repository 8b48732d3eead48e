package dev.meshwright.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The config of the demo's live part, as a user would write it: a ServiceEntry for reviews whose endpoints are the
 * in-process servers (one per version, labelled {@code version: vN}), a DestinationRule with the three subsets, the
 * VirtualService that splits traffic, and the mTLS DestinationRule a proxyless client without certificates rejects.
 */
final class LiveBookinfo {
  private LiveBookinfo() {}

  static String reviews(Map<String, Integer> ports) {
    StringBuilder endpoints = new StringBuilder();
    new TreeMap<>(ports).forEach((v, p) -> endpoints.append("  - {address: 127.0.0.1, ports: {grpc: ").append(p)
        .append("}, labels: {app: reviews, version: ").append(v).append("}}\n"));
    return """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          hosts: [%s]
          location: MESH_INTERNAL
          ports: [{number: 9080, name: grpc, protocol: GRPC}]
          resolution: STATIC
          endpoints:
        %s""".formatted(LiveMesh.HOST, endpoints);
  }

  /** The subsets v1, v2, v3; with {@code trafficPolicy} (YAML flow map) when it is not empty. */
  static String destinationRule(String trafficPolicy) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          host: %s
        %s  subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
          - {name: v3, labels: {version: v3}}
        """.formatted(LiveMesh.HOST, trafficPolicy.isEmpty() ? "" : "  trafficPolicy: " + trafficPolicy + "\n");
  }

  static String virtualService(Map<String, Integer> weights) {
    String routes = new TreeMap<>(weights).entrySet().stream()
        .map(e -> "    - {destination: {host: " + LiveMesh.HOST + ", subset: " + e.getKey() + "}, weight: "
            + e.getValue() + "}")
        .collect(Collectors.joining("\n"));
    return """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          hosts: [%s]
          http:
          - route:
        %s
        """.formatted(LiveMesh.HOST, routes);
  }

  static String describe(Map<String, Integer> weights) {
    return new TreeMap<>(weights).entrySet().stream().map(e -> e.getValue() + "% " + e.getKey())
        .collect(Collectors.joining(" / "));
  }

  static String istioMutual() {
    return destinationRule("{tls: {mode: ISTIO_MUTUAL}}");
  }
}
