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

  /** The egress proxy (service host, subset and port) that unknown traffic goes to in {@link Mode#ALLOW_ANY} mode. */
  Optional<Destination> egressProxy();

  /** Outbound traffic modes. */
  enum Mode {
    REGISTRY_ONLY,
    ALLOW_ANY
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OutboundTrafficPolicy}. */
  final class Builder extends ImmutableOutboundTrafficPolicy.Builder {}
}
