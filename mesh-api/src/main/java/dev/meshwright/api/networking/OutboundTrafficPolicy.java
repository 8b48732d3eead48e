package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a sidecar does with traffic to unknown destinations ({@code istio.networking.v1alpha3.OutboundTrafficPolicy}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOutboundTrafficPolicy.class)
@JsonDeserialize(as = ImmutableOutboundTrafficPolicy.class)
public interface OutboundTrafficPolicy {
  /** Unset means {@link Mode#REGISTRY_ONLY}. */
  Optional<Mode> mode();

  /** Where unknown traffic is sent in {@link Mode#ALLOW_ANY} mode. */
  Optional<EgressProxy> egressProxy();

  /** Outbound traffic modes. */
  enum Mode {
    REGISTRY_ONLY,
    ALLOW_ANY
  }

  /**
   * The egress proxy destination. On the wire it is a {@code istio.networking.v1alpha3.Destination}
   * ({@code host}, {@code subset}, {@code port}); it is modelled here so Sidecar does not depend on the
   * VirtualService types.
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableEgressProxy.class)
  @JsonDeserialize(as = ImmutableEgressProxy.class)
  interface EgressProxy {
    /** The proxy's service host (an FQDN). */
    Optional<String> host();

    /** A subset of the proxy service. */
    Optional<String> subset();

    /** The proxy's port; required. */
    Optional<PortSelector> port();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link EgressProxy}. */
    final class Builder extends ImmutableEgressProxy.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OutboundTrafficPolicy}. */
  final class Builder extends ImmutableOutboundTrafficPolicy.Builder {}
}
