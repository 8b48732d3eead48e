package dev.meshwright.xds.cluster;

import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.ConnectionPoolSettings;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.OutlierDetection;
import dev.meshwright.api.networking.TrafficPolicy;
import java.util.Optional;

/**
 * The DestinationRule traffic policy that applies to one cluster, after Istio's two merges: a matching
 * {@code portLevelSettings} entry <em>replaces</em> the top-level connection pool, load balancer, outlier detection
 * and TLS (fields it omits fall back to defaults, not to the top level), and a subset's policy (itself port-level
 * resolved) overrides the destination's field by field, every field when the subset has a port-level entry.
 * Immutable.
 *
 * @param connectionPool the connection pool settings
 * @param outlierDetection the outlier detection settings
 * @param loadBalancer the load balancer settings
 * @param tls the client TLS settings
 * @param proxyProtocol the upstream PROXY protocol settings
 */
public record EffectivePolicy(Optional<ConnectionPoolSettings> connectionPool,
    Optional<OutlierDetection> outlierDetection, Optional<LoadBalancerSettings> loadBalancer,
    Optional<ClientTLSSettings> tls, Optional<TrafficPolicy.ProxyProtocol> proxyProtocol) {

  /** No policy at all: every default applies. */
  public static final EffectivePolicy NONE =
      new EffectivePolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** The policy of {@code policy} for service port {@code port}: its port-level entry if one matches. */
  public static EffectivePolicy forPort(Optional<TrafficPolicy> policy, int port) {
    return resolve(policy, port).policy();
  }

  /**
   * The policy of subset {@code subset} on {@code port}: the destination's port-resolved policy overridden by the
   * subset's port-resolved one.
   */
  public static EffectivePolicy forSubset(Optional<TrafficPolicy> destination, Optional<TrafficPolicy> subset,
      int port) {
    EffectivePolicy base = forPort(destination, port);
    if (subset.isEmpty()) {
      return base;
    }
    Resolved s = resolve(subset, port);
    if (destination.isEmpty()) {
      return s.policy();
    }
    EffectivePolicy sp = s.policy();
    boolean all = s.portLevel();
    return new EffectivePolicy(
        all || sp.connectionPool.isPresent() ? sp.connectionPool : base.connectionPool,
        all || sp.outlierDetection.isPresent() ? sp.outlierDetection : base.outlierDetection,
        all || sp.loadBalancer.isPresent() ? sp.loadBalancer : base.loadBalancer,
        all || sp.tls.isPresent() ? sp.tls : base.tls,
        sp.proxyProtocol.isPresent() ? sp.proxyProtocol : base.proxyProtocol);
  }

  private record Resolved(EffectivePolicy policy, boolean portLevel) {}

  private static Resolved resolve(Optional<TrafficPolicy> policy, int port) {
    if (policy.isEmpty()) {
      return new Resolved(NONE, false);
    }
    TrafficPolicy p = policy.get();
    for (TrafficPolicy.PortTrafficPolicy pl : p.portLevelSettings()) {
      if (pl.port().flatMap(s -> s.number()).filter(n -> n == port).isPresent()) {
        return new Resolved(new EffectivePolicy(pl.connectionPool(), pl.outlierDetection(), pl.loadBalancer(),
            pl.tls(), Optional.empty()), true);
      }
    }
    return new Resolved(new EffectivePolicy(p.connectionPool(), p.outlierDetection(), p.loadBalancer(), p.tls(),
        p.proxyProtocol()), false);
  }

  /** The simple load balancer, UNSPECIFIED when none is set. */
  public LoadBalancerSettings.SimpleLB simpleLb() {
    return loadBalancer.flatMap(LoadBalancerSettings::simple).orElse(LoadBalancerSettings.SimpleLB.UNSPECIFIED);
  }

  /** The TLS mode, empty when the policy sets no TLS. */
  public Optional<ClientTLSSettings.TLSmode> tlsMode() {
    return tls.map(t -> t.mode().orElse(ClientTLSSettings.TLSmode.DISABLE));
  }
}
