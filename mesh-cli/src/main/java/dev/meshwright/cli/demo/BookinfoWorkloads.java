package dev.meshwright.cli.demo;

import java.util.List;

/**
 * The Kubernetes side of the Bookinfo sample as YAML: the {@code bookinfo} namespace (injection on), one
 * Service per app on port 9080, a Deployment per app version, and one running Pod per Deployment with its
 * EndpointSlice, so the registry has endpoints and the analyzers have workloads to look at.
 */
public final class BookinfoWorkloads {
  private static final List<String[]> VERSIONS = List.of(new String[] {"productpage", "v1"},
      new String[] {"details", "v1"}, new String[] {"ratings", "v1"}, new String[] {"reviews", "v1"},
      new String[] {"reviews", "v2"}, new String[] {"reviews", "v3"});

  private BookinfoWorkloads() {}

  /** Namespace, Services, Deployments, Pods and EndpointSlices, as one multi-document YAML text. */
  public static String yaml() {
    StringBuilder out = new StringBuilder();
    out.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: bookinfo, labels: {istio-injection: enabled}}\n");
    for (String app : List.of("productpage", "details", "ratings", "reviews")) {
      out.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: ").append(app)
          .append(", namespace: bookinfo, labels: {app: ").append(app).append(", service: ").append(app)
          .append("}}\nspec: {selector: {app: ").append(app).append("}, ports: [{name: http, port: 9080}]}\n");
      out.append("---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: bookinfo-").append(app)
          .append(", namespace: bookinfo}\n");
    }
    int ip = 10;
    for (String[] v : VERSIONS) {
      String app = v[0];
      String name = app + "-" + v[1];
      String labels = "{app: " + app + ", version: " + v[1] + "}";
      out.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ").append(name)
          .append(", namespace: bookinfo, labels: ").append(labels).append("}\nspec:\n  selector: {matchLabels: ")
          .append(labels).append("}\n  template:\n    metadata: {labels: ").append(labels)
          .append("}\n    spec:\n      serviceAccountName: bookinfo-").append(app)
          .append("\n      containers:\n      - name: ").append(app).append("\n        image: docker.io/istio/examples-bookinfo-")
          .append(name).append(":1.20.2\n        ports: [{containerPort: 9080}]\n");
      String pod = name + "-7d4b9c";
      String address = "10.1.0." + ip++;
      out.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: ").append(pod)
          .append(", namespace: bookinfo, labels: ").append(labels.replace("}", ", security.istio.io/tlsMode: istio}"))
          .append("}\nspec: {serviceAccountName: bookinfo-").append(app).append(", containers: [{name: ").append(app)
          .append(", image: i}, {name: istio-proxy, image: proxyv2}]}\nstatus: {podIP: ").append(address).append("}\n");
      out.append("---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ").append(name)
          .append(", namespace: bookinfo, labels: {kubernetes.io/service-name: ").append(app)
          .append("}}\naddressType: IPv4\nports: [{name: http, port: 9080}]\nendpoints:\n- addresses: [")
          .append(address).append("]\n  conditions: {ready: true}\n  targetRef: {kind: Pod, name: ").append(pod)
          .append(", namespace: bookinfo}\n");
    }
    return out.toString();
  }

  /** The six Deployments alone, as a user would hand them to {@code kube-inject}. */
  public static String deployments() {
    StringBuilder out = new StringBuilder();
    for (String doc : yaml().split("---\n")) {
      if (doc.contains("\nkind: Deployment\n")) {
        out.append(out.isEmpty() ? "" : "---\n").append(doc);
      }
    }
    return out.toString();
  }

  /**
   * A running ingress gateway Pod in {@code istio-system}, labelled as the install's {@code istio-ingressgateway}
   * Deployment labels its pods, so the analyzers check the Bookinfo Gateway against the gateway Service the
   * install renders.
   */
  public static String ingressGatewayPod() {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: istio-ingressgateway-6f9d7c
          namespace: istio-system
          labels: {app: istio-ingressgateway, istio: ingressgateway, sidecar.istio.io/inject: "false"}
        spec:
          containers: [{name: istio-proxy, image: docker.io/istio/proxyv2:1.22.8}]
        status: {podIP: 10.1.0.2}
        """;
  }
}
