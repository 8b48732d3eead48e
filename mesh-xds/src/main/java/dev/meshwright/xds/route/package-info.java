/**
 * RDS: Istio VirtualService HTTP routes to Envoy {@code Route}s ({@link dev.meshwright.xds.route.RouteTranslator}),
 * the sidecar's outbound and inbound route configurations ({@link dev.meshwright.xds.route.RouteGenerator}), the
 * proxyless gRPC route configurations ({@link dev.meshwright.xds.route.GrpcRouteGenerator}) and the destinations of
 * TCP/TLS routes the listener side needs ({@link dev.meshwright.xds.route.L4Routes}). Sits in the fourth hop of the
 * data flow, between the {@code MeshSnapshot} and the per-proxy xDS; pure and stateless, one feature per file.
 */
package dev.meshwright.xds.route;
