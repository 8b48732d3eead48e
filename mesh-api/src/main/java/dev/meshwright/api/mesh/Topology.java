package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Where a gateway sits in the network ({@code istio.mesh.v1alpha1.Topology}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableTopology.class)
@JsonDeserialize(as = ImmutableTopology.class)
public interface Topology {
  /** Trusted proxies in front of the gateway (for X-Forwarded-For). */
  Optional<Integer> numTrustedProxies();

  /** How the XFCC header is handled. */
  Optional<ForwardClientCertDetails> forwardClientCertDetails();

  /** Enables PROXY protocol on the gateway's listeners. */
  Optional<ProxyProtocolConfiguration> proxyProtocol();

  /** Marker that enables the PROXY protocol (no fields). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableProxyProtocolConfiguration.class)
  @JsonDeserialize(as = ImmutableProxyProtocolConfiguration.class)
  interface ProxyProtocolConfiguration {
    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ProxyProtocolConfiguration}. */
    final class Builder extends ImmutableProxyProtocolConfiguration.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Topology}. */
  final class Builder extends ImmutableTopology.Builder {}
}
