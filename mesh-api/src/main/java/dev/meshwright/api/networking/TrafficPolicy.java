package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Policies applied to traffic toward a service or subset: load balancing, connection pool, outlier detection,
 * TLS, per-port overrides, tunnelling and PROXY protocol ({@code istio.networking.v1alpha3.TrafficPolicy}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTrafficPolicy.class)
@JsonDeserialize(as = ImmutableTrafficPolicy.class)
public interface TrafficPolicy {
  Optional<LoadBalancerSettings> loadBalancer();

  Optional<ConnectionPoolSettings> connectionPool();

  Optional<OutlierDetection> outlierDetection();

  /** TLS toward the upstream. */
  Optional<ClientTLSSettings> tls();

  /** Overrides for single ports; they replace, not merge with, the policy above. */
  List<PortTrafficPolicy> portLevelSettings();

  /** Tunnels TCP over HTTP CONNECT or POST to a proxy. */
  Optional<TunnelSettings> tunnel();

  /** Sends a PROXY protocol header upstream. */
  Optional<ProxyProtocol> proxyProtocol();

  /** A policy for one destination port ({@code TrafficPolicy.PortTrafficPolicy}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutablePortTrafficPolicy.class)
  @JsonDeserialize(as = ImmutablePortTrafficPolicy.class)
  interface PortTrafficPolicy {
    /** The destination port; required. */
    Optional<PortSelector> port();

    Optional<LoadBalancerSettings> loadBalancer();

    Optional<ConnectionPoolSettings> connectionPool();

    Optional<OutlierDetection> outlierDetection();

    Optional<ClientTLSSettings> tls();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link PortTrafficPolicy}. */
    final class Builder extends ImmutablePortTrafficPolicy.Builder {}
  }

  /** Where and how to tunnel ({@code TrafficPolicy.TunnelSettings}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTunnelSettings.class)
  @JsonDeserialize(as = ImmutableTunnelSettings.class)
  interface TunnelSettings {
    /** {@code CONNECT} (default) or {@code POST}. */
    Optional<String> protocol();

    /** Host (FQDN or IP) the tunnel reaches; required. */
    Optional<String> targetHost();

    /** Port the tunnel reaches; required. */
    Optional<Integer> targetPort();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link TunnelSettings}. */
    final class Builder extends ImmutableTunnelSettings.Builder {}
  }

  /** The PROXY protocol version to send ({@code TrafficPolicy.ProxyProtocol}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableProxyProtocol.class)
  @JsonDeserialize(as = ImmutableProxyProtocol.class)
  interface ProxyProtocol {
    Optional<VERSION> version();

    /** PROXY protocol versions. */
    enum VERSION {
      V1,
      V2
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ProxyProtocol}. */
    final class Builder extends ImmutableProxyProtocol.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TrafficPolicy}. */
  final class Builder extends ImmutableTrafficPolicy.Builder {}
}
