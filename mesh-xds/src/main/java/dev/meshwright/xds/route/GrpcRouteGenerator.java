package dev.meshwright.xds.route;

import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.Optional;
import java.util.Set;

/**
 * RDS for proxyless gRPC clients ({@code GENERATOR=grpc}), as istiod's gRPC generator: only the names the client asks
 * for, each a cluster key {@code outbound|<port>||<host>} (what its API listener names); the port's virtual hosts are
 * built as for a sidecar but with the {@code host:port} variants kept in the domains, and the route configuration has
 * no catch-all and none of the sidecar's RDS-level flags. Routes carry what grpc-java's xDS client reads: path, prefix
 * and regex matches, header matches, weighted clusters, {@code max_stream_duration} timeouts, retry policies and the
 * fault filter's per-route config. A name that is no cluster key is left out with a diagnostic. Stateless.
 */
public final class GrpcRouteGenerator implements ResourceGenerator {
  @Override
  public String typeUrl() {
    return TypeUrls.ROUTE;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    return RouteOutputs.perName(names, (name, diags) -> {
      Optional<ClusterNames.Key> key = ClusterNames.parse(name);
      if (key.isEmpty() || key.get().host().isEmpty() || key.get().port() == 0) {
        diags.add(Diagnostic.warning("rds", "route name " + name + " is no cluster key outbound|<port>||<host>"));
        return Optional.empty();
      }
      return Optional.of(RouteConfiguration.newBuilder().setName(name)
          .addAllVirtualHosts(OutboundVirtualHosts.build(ctx, key.get().port(), name, diags)).build());
    });
  }
}
