package dev.meshwright.xds.route;

import com.google.protobuf.Duration;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB;
import dev.meshwright.api.networking.PortSelector;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TrafficPolicy;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Route hash policies from DestinationRule {@code consistentHash} load balancing: for a route destination the subset's
 * port-level setting, else the subset's, else the rule's port-level one (for a destination with an explicit port),
 * else the rule's; for a service's default route the rule's, overridden by its port-level setting. Header, cookie,
 * source IP and query parameter keys become Envoy hash policies. Immutable; {@link #NONE} knows no rules.
 */
public final class HashPolicies {
  /** No DestinationRules: no hash policies. */
  public static final HashPolicies NONE = new HashPolicies(host -> Optional.empty());

  private final Function<String, Optional<DestinationRuleSpec>> rules;

  private HashPolicies(Function<String, Optional<DestinationRuleSpec>> rules) {
    this.rules = rules;
  }

  /** Hash policies from {@code rules}: the DestinationRule (merged, as the proxy sees it) for a FQDN host. */
  public static HashPolicies of(Function<String, Optional<DestinationRuleSpec>> rules) {
    return new HashPolicies(rules);
  }

  /** The hash policy of a route destination ({@code host} a FQDN). */
  public Optional<RouteAction.HashPolicy> forDestination(Destination d) {
    Optional<DestinationRuleSpec> rule = d.host().flatMap(rules);
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    Optional<TrafficPolicy> top = rule.get().trafficPolicy();
    Optional<Integer> port = d.port().flatMap(PortSelector::number);
    Optional<ConsistentHashLB> hash = top.flatMap(t -> lb(t.loadBalancer()));
    Optional<ConsistentHashLB> portHash = port.flatMap(p -> portLevel(top, p));
    Optional<ConsistentHashLB> subsetHash = Optional.empty();
    Optional<ConsistentHashLB> subsetPortHash = Optional.empty();
    String subset = d.subset().orElse("");
    for (Subset s : rule.get().subsets()) {
      if (s.name().orElse("").equals(subset)) {
        subsetHash = s.trafficPolicy().flatMap(t -> lb(t.loadBalancer()));
        subsetPortHash = port.flatMap(p -> portLevel(s.trafficPolicy(), p));
        break;
      }
    }
    Optional<ConsistentHashLB> fromSubset = subsetHash;
    return subsetPortHash.or(() -> fromSubset).or(() -> portHash).or(() -> hash).flatMap(HashPolicies::policy);
  }

  /** The hash policy of the default route of service {@code host} on {@code port}. */
  public Optional<RouteAction.HashPolicy> forService(String host, int port) {
    Optional<TrafficPolicy> top = rules.apply(host).flatMap(DestinationRuleSpec::trafficPolicy);
    Optional<ConsistentHashLB> hash = top.flatMap(t -> lb(t.loadBalancer()));
    Optional<ConsistentHashLB> portHash = Optional.empty();
    for (TrafficPolicy.PortTrafficPolicy p : top.map(TrafficPolicy::portLevelSettings).orElse(List.of())) {
      if (p.port().flatMap(PortSelector::number).orElse(0) == port) {
        portHash = lb(p.loadBalancer());
        break;
      }
    }
    return portHash.or(() -> hash).flatMap(HashPolicies::policy);
  }

  private static Optional<ConsistentHashLB> lb(Optional<LoadBalancerSettings> s) {
    return s.flatMap(LoadBalancerSettings::consistentHash);
  }

  private static Optional<ConsistentHashLB> portLevel(Optional<TrafficPolicy> tp, int port) {
    for (TrafficPolicy.PortTrafficPolicy p : tp.map(TrafficPolicy::portLevelSettings).orElse(List.of())) {
      if (p.port().flatMap(PortSelector::number).orElse(0) == port) {
        return lb(p.loadBalancer());
      }
    }
    return Optional.empty();
  }

  static Optional<RouteAction.HashPolicy> policy(ConsistentHashLB h) {
    RouteAction.HashPolicy.Builder out = RouteAction.HashPolicy.newBuilder();
    if (h.httpHeaderName().isPresent()) {
      out.setHeader(RouteAction.HashPolicy.Header.newBuilder().setHeaderName(h.httpHeaderName().get()));
    } else if (h.httpCookie().isPresent()) {
      var c = h.httpCookie().get();
      RouteAction.HashPolicy.Cookie.Builder cookie = RouteAction.HashPolicy.Cookie.newBuilder()
          .setName(c.name().orElse("")).setPath(c.path().orElse(""));
      c.ttl().ifPresent(t -> cookie.setTtl(Duration.newBuilder().setSeconds(t.getSeconds()).setNanos(t.getNano())));
      out.setCookie(cookie);
    } else if (h.useSourceIp().isPresent()) {
      out.setConnectionProperties(RouteAction.HashPolicy.ConnectionProperties.newBuilder()
          .setSourceIp(h.useSourceIp().get()));
    } else if (h.httpQueryParameterName().isPresent()) {
      out.setQueryParameter(RouteAction.HashPolicy.QueryParameter.newBuilder()
          .setName(h.httpQueryParameterName().get()));
    } else {
      return Optional.empty();
    }
    return Optional.of(out.build());
  }
}
