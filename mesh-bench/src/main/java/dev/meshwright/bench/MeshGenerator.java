package dev.meshwright.bench;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;

/**
 * A synthetic mesh for the snapshot benchmark: {@code services} Kubernetes Services spread over 20
 * namespaces, each with an EndpointSlice of {@code endpointsPerService} Pods, plus Istio config at a fixed
 * mix per service (1 VirtualService, 1 DestinationRule with two subsets, and across the mesh 0.5
 * AuthorizationPolicies, 0.3 PeerAuthentications, 0.15 Sidecars and 0.05 ServiceEntries per service, i.e.
 * 3,000 Istio resources for 1,000 services). Deterministic.
 */
public final class MeshGenerator {
  static final int NAMESPACES = 20;

  private MeshGenerator() {}

  /** The mesh as resources. */
  public static List<MeshResource> resources(int services, int endpointsPerService) {
    ReadResult read = MeshYaml.read("generated", yaml(services, endpointsPerService));
    if (read.hasErrors()) {
      throw new IllegalStateException("generator wrote invalid YAML: " + read.diagnostics().get(0));
    }
    return read.resources();
  }

  static String ns(int i) {
    return "ns-" + (i % NAMESPACES);
  }

  /** The mesh as YAML text. */
  public static String yaml(int services, int endpointsPerService) {
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < NAMESPACES; n++) {
      out.append("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns-").append(n).append("}\n");
    }
    for (int i = 0; i < services; i++) {
      String ns = ns(i);
      String svc = "svc-" + i;
      out.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: ").append(svc).append(", namespace: ")
          .append(ns).append("}\nspec: {clusterIP: 10.96.").append(i / 250).append('.').append(i % 250)
          .append(", selector: {app: ").append(svc).append("}, ports: [{name: http, port: 80, targetPort: 8080},"
              + " {name: grpc-api, port: 9090}]}\n");
      out.append(endpointSlice(i, endpointsPerService, -1));
      for (int e = 0; e < endpointsPerService; e++) {
        out.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: ").append(svc).append('-').append(e)
            .append(", namespace: ").append(ns).append(", labels: {app: ").append(svc).append(", version: v")
            .append(e % 2 + 1).append(", security.istio.io/tlsMode: istio}}\nspec: {serviceAccountName: ")
            .append(svc).append(", nodeName: node-").append(e).append("}\nstatus: {podIP: ").append(ip(i, e)).append("}\n");
      }
      out.append(virtualService(i, svc, ns, svc + "-v2"));
      out.append("---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ").append(svc)
          .append(", namespace: ").append(ns).append("}\nspec:\n  host: ").append(svc)
          .append("\n  trafficPolicy: {connectionPool: {tcp: {maxConnections: 100}}, loadBalancer: {simple: LEAST_REQUEST}}")
          .append("\n  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]\n");
      if (i % 2 == 0) {
        out.append("---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ").append(svc)
            .append(", namespace: ").append(ns).append("}\nspec:\n  selector: {matchLabels: {app: ").append(svc)
            .append("}}\n  rules: [{from: [{source: {principals: [\"cluster.local/ns/").append(ns)
            .append("/sa/svc-").append(i + 1).append("\"]}}], to: [{operation: {methods: [GET], paths: [\"/api/*\"]}}]}]\n");
      }
      if (i % 10 < 3) {
        out.append("---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: ").append(svc)
            .append(", namespace: ").append(ns).append("}\nspec: {selector: {matchLabels: {app: ").append(svc)
            .append("}}, mtls: {mode: STRICT}}\n");
      }
      if (i % 20 < 3) {
        out.append("---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: ").append(svc)
            .append(", namespace: ").append(ns).append("}\nspec: {workloadSelector: {labels: {app: ").append(svc)
            .append("}}, egress: [{hosts: [\"./*\", \"istio-system/*\"]}]}\n");
      }
      if (i % 20 == 19) {
        out.append("---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ext-").append(i)
            .append(", namespace: ").append(ns).append("}\nspec: {hosts: [api-").append(i)
            .append(".example.com], ports: [{number: 443, name: tls, protocol: TLS}], resolution: DNS,"
                + " location: MESH_EXTERNAL}\n");
      }
    }
    return out.toString();
  }

  /** The VirtualService of service {@code i}, sending 10% to {@code subsetTwoHost}'s subset. */
  /**
   * Service {@code i}'s EndpointSlice (one per service, named {@code svc-<i>-abc}), every endpoint ready but
   * {@code notReady} (-1 for none).
   */
  public static String endpointSlice(int i, int endpointsPerService, int notReady) {
    String ns = ns(i);
    String svc = "svc-" + i;
    StringBuilder out = new StringBuilder("---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ")
        .append(svc).append("-abc, namespace: ").append(ns).append(", labels: {kubernetes.io/service-name: ").append(svc)
        .append("}}\naddressType: IPv4\nports: [{name: http, port: 8080}, {name: grpc-api, port: 9090}]\nendpoints:\n");
    for (int e = 0; e < endpointsPerService; e++) {
      out.append("- addresses: [").append(ip(i, e)).append("]\n  conditions: {ready: ").append(e != notReady)
          .append("}\n  targetRef: {kind: Pod, name: ").append(svc).append('-').append(e).append(", namespace: ")
          .append(ns).append("}\n");
    }
    return out.toString();
  }

  public static String virtualService(int i, String svc, String ns, String marker) {
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + svc
        + ", namespace: " + ns + ", labels: {marker: " + marker + "}}\nspec:\n  hosts: [" + svc + "]\n  http:\n"
        + "  - match: [{headers: {end-user: {exact: jason}}}]\n    route: [{destination: {host: " + svc
        + ", subset: v2}}]\n  - route:\n    - {destination: {host: " + svc + ", subset: v1}, weight: 90}\n"
        + "    - {destination: {host: " + svc + ", subset: v2}, weight: 10}\n    timeout: 5s\n";
  }

  /** The IP of endpoint {@code endpoint} (a Pod) of service {@code service}. */
  public static String podIp(int service, int endpoint) {
    return ip(service, endpoint);
  }

  private static String ip(int service, int endpoint) {
    int n = service * 16 + endpoint;
    return "10.10." + (n / 250) + "." + (n % 250 + 1);
  }
}
