package dev.meshwright.model.analysis;

import dev.meshwright.api.MeshResource;
import java.util.List;
import java.util.Map;

/**
 * The objects {@code istioctl analyze} adds when it analyzes files only: a stand-in ingress gateway Pod
 * ({@code <ingressService>-dummypod}, labelled {@code istio: ingressgateway}, with an {@code istio-proxy}
 * container) and its Service exposing TCP ports 80, 443, 31400 and 15443. Stateless.
 */
final class DefaultResources {
  private DefaultResources() {}

  static List<MeshResource> ingress(String namespace, String ingressService) {
    Map<String, String> selector = Map.of("istio", "ingressgateway");
    MeshResource pod = AnalysisInput.generic("v1", "Pod",
        AnalysisInput.meta(ingressService + "-dummypod", namespace, selector),
        Map.of("spec", Map.of("containers", List.of(Map.of("name", "istio-proxy")))));
    MeshResource service = AnalysisInput.generic("v1", "Service",
        AnalysisInput.meta(ingressService, namespace, Map.of()),
        Map.of("spec", Map.of("selector", selector, "ports", List.of(
            port("http2", 31380, 80), port("https", 31390, 443),
            port("tcp", 31400, 31400), port("tls", 31447, 15443)))));
    return List.of(pod, service);
  }

  private static Map<String, Object> port(String name, int nodePort, int port) {
    return Map.of("name", name, "nodePort", nodePort, "port", port, "protocol", "TCP", "targetPort", port);
  }
}
