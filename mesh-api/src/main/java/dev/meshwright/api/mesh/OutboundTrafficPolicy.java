package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** What sidecars do with traffic to unknown destinations ({@code MeshConfig.OutboundTrafficPolicy}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableOutboundTrafficPolicy.class)
@JsonDeserialize(as = ImmutableOutboundTrafficPolicy.class)
public interface OutboundTrafficPolicy {
  /** The policy. */
  Optional<Mode> mode();

  /** Outbound policies. */
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
