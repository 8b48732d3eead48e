package dev.meshwright.xds.istiod;

import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.cluster.ClusterGenerator;
import dev.meshwright.xds.cluster.GrpcClusterGenerator;
import dev.meshwright.xds.endpoint.EndpointGenerator;
import dev.meshwright.xds.envoyfilter.EnvoyFilters;
import dev.meshwright.xds.gateway.CredentialSecretGenerator;
import dev.meshwright.xds.grpc.GrpcListenerGenerator;
import dev.meshwright.xds.gateway.GatewayListenerGenerator;
import dev.meshwright.xds.gateway.GatewayRouteGenerator;
import dev.meshwright.xds.gateway.MergedGateway;
import dev.meshwright.xds.listener.ListenerGenerator;
import dev.meshwright.xds.nds.NameTableGenerator;
import dev.meshwright.xds.route.GrpcRouteGenerator;
import dev.meshwright.xds.route.RouteGenerator;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.authz.JwksResolver;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.check.OutputChecks;
import java.util.List;
import java.util.Map;

/**
 * The generator set that reproduces istiod 1.22.8: the Envoy generators for sidecars and gateways, the proxyless
 * gRPC ones for {@code GENERATOR=grpc} nodes, EnvoyFilter patches, and the output checks. This is the one place the per-type
 * generators are wired together; everything else asks for {@link #generator(XdsOptions)}.
 */
public final class Istiod {
  private Istiod() {}

  /** istiod's generators with these options; {@code jwksUri}s get the key set no token matches. */
  public static XdsGenerator generator(XdsOptions options) {
    return generator(options, JwksResolver.NONE);
  }

  /**
   * istiod's generators with these options, inlining the key sets {@code jwks} has fetched (a
   * {@code server.JwksFetcher} at the edge; generation itself never waits on the network).
   */
  public static XdsGenerator generator(XdsOptions options, JwksResolver jwks) {
    return XdsGenerator.of(options, envoyGenerators(jwks), grpcGenerators(), OutputChecks.standard()::apply)
        .withPatches(EnvoyFilters.patches());
  }

  static List<ResourceGenerator> envoyGenerators() {
    return envoyGenerators(JwksResolver.NONE);
  }

  static List<ResourceGenerator> envoyGenerators(JwksResolver jwks) {
    return List.of(
        new ClusterGenerator(ctx -> !MergedGateway.of(ctx).autoPassthroughHosts().isEmpty()),
        new EndpointGenerator(),
        new ByProxyType(TypeUrls.LISTENER, Map.of(
            ProxyType.SIDECAR, ListenerGenerator.withInboundFilters(new AuthzInboundFilters(jwks)),
            ProxyType.ROUTER, GatewayListenerGenerator.withPolicyFilters(new AuthzInboundFilters(jwks)))),
        new ByProxyType(TypeUrls.ROUTE, Map.of(
            ProxyType.SIDECAR, new RouteGenerator(),
            ProxyType.ROUTER, new GatewayRouteGenerator())),
        new ByProxyType(TypeUrls.SECRET, Map.of(ProxyType.ROUTER, new CredentialSecretGenerator())),
        new NameTableGenerator());
  }

  static List<ResourceGenerator> grpcGenerators() {
    return List.of(
        new GrpcClusterGenerator(),
        new EndpointGenerator(),
        GrpcListenerGenerator.withInboundFilters(new GrpcAuthzFilters()),
        new GrpcRouteGenerator());
  }
}
