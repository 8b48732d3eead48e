package dev.meshwright.xds.cluster;

import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TrafficPolicy;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import java.util.List;
import java.util.Optional;

/**
 * The route-side half of a consistent-hash DestinationRule: the {@link RouteAction.HashPolicy} a route to a
 * destination carries (header, cookie, source IP or query parameter), chosen as Istio does: the subset's
 * port-level hash, else the subset's, else the destination's port-level, else its top-level one. Pure.
 */
public final class HashPolicies {
  private HashPolicies() {}

  /**
   * The hash policies for routes from {@code ctx}'s proxy to {@code host} (subset empty for none, port 0 when the
   * route names no port); empty unless a DestinationRule sets a consistent hash.
   */
  public static List<RouteAction.HashPolicy> forDestination(ProxyContext ctx, String host, String subset, int port) {
    Optional<MergedDestinationRule> rule = DestinationRules.forHost(ctx, host);
    if (rule.isEmpty()) {
      return List.of();
    }
    Optional<TrafficPolicy> top = rule.get().spec().trafficPolicy();
    Optional<LoadBalancerSettings.ConsistentHashLB> hash = hashOf(top);
    Optional<LoadBalancerSettings.ConsistentHashLB> portHash = portHash(top, port);
    Optional<TrafficPolicy> sub = DestinationRules.subset(rule.get().spec(), subset).flatMap(Subset::trafficPolicy);
    Optional<LoadBalancerSettings.ConsistentHashLB> chosen = portHash(sub, port)
        .or(() -> hashOf(sub)).or(() -> portHash).or(() -> hash);
    return chosen.flatMap(HashPolicies::of).map(List::of).orElse(List.of());
  }

  private static Optional<LoadBalancerSettings.ConsistentHashLB> hashOf(Optional<TrafficPolicy> p) {
    return p.flatMap(TrafficPolicy::loadBalancer).flatMap(LoadBalancerSettings::consistentHash);
  }

  private static Optional<LoadBalancerSettings.ConsistentHashLB> portHash(Optional<TrafficPolicy> p, int port) {
    if (p.isEmpty() || port == 0) {
      return Optional.empty();
    }
    for (TrafficPolicy.PortTrafficPolicy pl : p.get().portLevelSettings()) {
      if (pl.port().flatMap(s -> s.number()).filter(n -> n == port).isPresent()) {
        return pl.loadBalancer().flatMap(LoadBalancerSettings::consistentHash);
      }
    }
    return Optional.empty();
  }

  /** The hash policy of one consistent-hash setting; empty when it names no hash key. */
  public static Optional<RouteAction.HashPolicy> of(LoadBalancerSettings.ConsistentHashLB ch) {
    RouteAction.HashPolicy.Builder b = RouteAction.HashPolicy.newBuilder();
    if (ch.httpHeaderName().isPresent()) {
      b.setHeader(RouteAction.HashPolicy.Header.newBuilder().setHeaderName(ch.httpHeaderName().get()));
    } else if (ch.httpCookie().isPresent()) {
      LoadBalancerSettings.ConsistentHashLB.HTTPCookie c = ch.httpCookie().get();
      RouteAction.HashPolicy.Cookie.Builder cookie = RouteAction.HashPolicy.Cookie.newBuilder()
          .setName(c.name().orElse("")).setPath(c.path().orElse(""));
      c.ttl().ifPresent(t -> cookie.setTtl(Clusters.duration(t)));
      b.setCookie(cookie);
    } else if (ch.useSourceIp().isPresent()) {
      b.setConnectionProperties(RouteAction.HashPolicy.ConnectionProperties.newBuilder()
          .setSourceIp(ch.useSourceIp().get()));
    } else if (ch.httpQueryParameterName().isPresent()) {
      b.setQueryParameter(RouteAction.HashPolicy.QueryParameter.newBuilder()
          .setName(ch.httpQueryParameterName().get()));
    } else {
      return Optional.empty();
    }
    return Optional.of(b.build());
  }
}
