package dev.meshwright.bench;

/**
 * Config added to the {@link MeshGenerator} mesh for the xDS benchmark: an ingress gateway with one host per
 * service (a Gateway on port 80 per service and a VirtualService bound to it), and a client namespace whose
 * Sidecar imports exactly 10 services. Deterministic.
 */
public final class GatewayMeshGenerator {
  /** The namespace of the scoped client. */
  public static final String SCOPED_NS = "scoped";

  private GatewayMeshGenerator() {}

  /** The extra config as YAML text. */
  public static String yaml(int services) {
    StringBuilder out = new StringBuilder();
    out.append("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ").append(SCOPED_NS).append("}\n");
    out.append("---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: ")
        .append(SCOPED_NS).append("}\nspec:\n  egress:\n  - hosts:\n");
    for (int i = 0; i < 10; i++) {
      out.append("    - \"").append(MeshGenerator.ns(i)).append("/svc-").append(i).append('.')
          .append(MeshGenerator.ns(i)).append(".svc.cluster.local\"\n");
    }
    for (int i = 0; i < services; i++) {
      String ns = MeshGenerator.ns(i);
      String host = "svc-" + i + ".example.com";
      out.append("---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw-").append(i)
          .append(", namespace: istio-system}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n")
          .append("  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"").append(host).append("\"]\n");
      out.append("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: gw-").append(i)
          .append(", namespace: ").append(ns).append("}\nspec:\n  hosts: [\"").append(host)
          .append("\"]\n  gateways: [istio-system/gw-").append(i).append("]\n  http:\n  - route:\n")
          .append("    - destination: {host: svc-").append(i).append(", port: {number: 80}}\n");
    }
    return out.toString();
  }
}
