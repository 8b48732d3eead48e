package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.List;

/**
 * The kind-independent facts of one route object.
 *
 * @param kind {@code HTTPRoute}, {@code GRPCRoute}, {@code TCPRoute} or {@code TLSRoute}
 * @param gvk Istio's group/version/kind string for the kind
 * @param namespace the route's namespace
 * @param name its name
 * @param creationTimestamp its creation time, or empty
 * @param generation its generation
 * @param parentRefs its parentRefs
 * @param hostnames its hostnames (empty for TCP)
 */
record RouteSource(String kind, String gvk, String namespace, String name, String creationTimestamp, long generation,
    List<ParentReference> parentRefs, List<String> hostnames) {

  String parentAnnotation() {
    return kind + "/" + name + "." + namespace;
  }
}
