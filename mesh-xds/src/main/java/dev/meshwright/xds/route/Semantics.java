package dev.meshwright.xds.route;

import dev.meshwright.api.networking.VirtualService;

/**
 * Which rules a VirtualService's routes follow: Istio's own, or those of the Kubernetes Ingress or Gateway API
 * resource it was converted from (the {@code internal.istio.io/route-semantics} annotation). Ingress and Gateway API
 * prefixes match whole path segments; Gateway API also answers 500 for a missing backend.
 */
enum Semantics {
  ISTIO,
  INGRESS,
  GATEWAY_API;

  static final String ANNOTATION = "internal.istio.io/route-semantics";

  static Semantics of(VirtualService vs) {
    String v = vs.metadata().annotations().getOrDefault(ANNOTATION, "");
    return switch (v) {
      case "gateway" -> GATEWAY_API;
      case "ingress" -> INGRESS;
      default -> ISTIO;
    };
  }
}
