package dev.meshwright.xds.route;

import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.OutboundTrafficPolicy;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure constructors of sidecar route configurations, shared by the generators and tests: the outbound one (virtual
 * hosts sorted by name, the catch-all last, Istio's flags), the catch-all virtual hosts {@code allow_any} and
 * {@code block_all}, the inbound one, and the empty one. Stateless.
 */
public final class RouteConfigs {
  private RouteConfigs() {}

  /** Name of the pass-through catch-all virtual host and route. */
  public static final String ALLOW_ANY = "allow_any";
  /** Name of the blocking catch-all virtual host and route. */
  public static final String BLOCK_ALL = "block_all";
  /** Cluster of unmatched traffic under ALLOW_ANY. */
  public static final String PASSTHROUGH_CLUSTER = "PassthroughCluster";
  /** Istio's direct-response body limit: 1 MiB. */
  public static final int MAX_DIRECT_RESPONSE_BODY_BYTES = 1024 * 1024;

  /**
   * An outbound route configuration: {@code virtualHosts} sorted by name (stably), then {@code catchAll} if given,
   * with {@code ignore_port_in_host_matching}, {@code validate_clusters: false} and the 1 MiB body limit.
   */
  public static RouteConfiguration outbound(String name, List<VirtualHost> virtualHosts,
      Optional<VirtualHost> catchAll) {
    RouteConfiguration.Builder out = RouteConfiguration.newBuilder().setName(name)
        .addAllVirtualHosts(virtualHosts.stream().sorted(Comparator.comparing(VirtualHost::getName)).toList());
    catchAll.ifPresent(out::addVirtualHosts);
    return out.setValidateClusters(BoolValue.of(false))
        .setMaxDirectResponseBodySizeBytes(UInt32Value.of(MAX_DIRECT_RESPONSE_BODY_BYTES))
        .setIgnorePortInHostMatching(true).build();
  }

  /** A route configuration with no virtual hosts, what Istio answers for a name it cannot build. */
  public static RouteConfiguration empty(String name) {
    return RouteConfiguration.newBuilder().setName(name).setValidateClusters(BoolValue.of(false)).build();
  }

  /** The inbound route configuration {@code inbound|<targetPort>||}: VH {@code inbound|http|<port>}, route default. */
  public static RouteConfiguration inbound(int targetPort, int servicePort, String operation) {
    String cluster = "inbound|" + targetPort + "||";
    VirtualHost vh = VirtualHost.newBuilder().setName("inbound|http|" + servicePort).addDomains("*")
        .addRoutes(RouteTranslator.defaultInboundRoute(cluster, operation)).build();
    return RouteConfiguration.newBuilder().setName(cluster).addVirtualHosts(vh)
        .setValidateClusters(BoolValue.of(false)).build();
  }

  /**
   * The catch-all virtual host for {@code policy}: {@code allow_any} to the PassthroughCluster (or the egress proxy's
   * cluster) with no timeout, or {@code block_all} answering 502.
   */
  @SuppressWarnings("deprecation")
  public static VirtualHost catchAll(OutboundTrafficPolicy policy) {
    if (policy.mode().orElse(OutboundTrafficPolicy.Mode.REGISTRY_ONLY) == OutboundTrafficPolicy.Mode.ALLOW_ANY) {
      String cluster = policy.egressProxy().map(RouteConfigs::egressCluster).orElse(PASSTHROUGH_CLUSTER);
      RouteAction action = RouteAction.newBuilder().setCluster(cluster).setTimeout(Durations.ZERO)
          .setMaxGrpcTimeout(Durations.ZERO).build();
      return VirtualHost.newBuilder().setName(ALLOW_ANY).addDomains("*")
          .addRoutes(Route.newBuilder().setName(ALLOW_ANY).setMatch(RouteMatches.catchAll()).setRoute(action))
          .setIncludeRequestAttemptCount(true).build();
    }
    return VirtualHost.newBuilder().setName(BLOCK_ALL).addDomains("*")
        .addRoutes(Route.newBuilder().setName(BLOCK_ALL).setMatch(RouteMatches.catchAll())
            .setDirectResponse(DirectResponseAction.newBuilder().setStatus(502)))
        .setIncludeRequestAttemptCount(true).build();
  }

  private static String egressCluster(Destination d) {
    return Destinations.cluster(d, Map.of(), 0);
  }
}
