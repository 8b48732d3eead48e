package dev.meshwright.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates realistic, valid VirtualServices and DestinationRules (routes with matches, weights, retries
 * and timeouts; subsets and traffic policies) as YAML documents, for benchmarks. Deterministic.
 */
public final class CorpusGenerator {
  private CorpusGenerator() {}

  /** {@code pairs} VirtualService + DestinationRule pairs, one YAML document each. */
  public static List<String> yamlDocuments(int pairs) {
    List<String> docs = new ArrayList<>(pairs * 2);
    for (int i = 0; i < pairs; i++) {
      String svc = "svc-" + i;
      String ns = "ns-" + (i % 50);
      docs.add("""
          apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata:
            name: %1$s
            namespace: %2$s
            labels:
              app: %1$s
          spec:
            hosts:
            - %1$s.%2$s.svc.cluster.local
            gateways:
            - mesh
            http:
            - name: canary
              match:
              - headers:
                  end-user:
                    exact: tester-%3$d
                uri:
                  prefix: /api/v2
              route:
              - destination:
                  host: %1$s.%2$s.svc.cluster.local
                  subset: v2
                  port:
                    number: 8080
              timeout: 5s
              retries:
                attempts: 3
                perTryTimeout: 2s
                retryOn: gateway-error,connect-failure
            - name: default
              route:
              - destination:
                  host: %1$s.%2$s.svc.cluster.local
                  subset: v1
                weight: 90
              - destination:
                  host: %1$s.%2$s.svc.cluster.local
                  subset: v2
                weight: 10
              headers:
                request:
                  set:
                    x-route: default
          """.formatted(svc, ns, i));
      docs.add("""
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: %1$s
            namespace: %2$s
          spec:
            host: %1$s.%2$s.svc.cluster.local
            trafficPolicy:
              connectionPool:
                tcp:
                  maxConnections: 100
                  connectTimeout: 30ms
                http:
                  http1MaxPendingRequests: 64
                  maxRequestsPerConnection: 10
              loadBalancer:
                simple: LEAST_REQUEST
              outlierDetection:
                consecutive5xxErrors: 7
                interval: 5m
                baseEjectionTime: 15m
            subsets:
            - name: v1
              labels:
                version: v1
            - name: v2
              labels:
                version: v2
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
          """.formatted(svc, ns));
    }
    return docs;
  }

  /** The documents as one multi-document YAML text. */
  public static String yaml(int pairs) {
    return String.join("---\n", yamlDocuments(pairs));
  }
}
