package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Where inbound traffic is forwarded to ({@code MeshConfig.InboundTrafficPolicy}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableInboundTrafficPolicy.class)
@JsonDeserialize(as = ImmutableInboundTrafficPolicy.class)
public interface InboundTrafficPolicy {
  /** The policy. */
  Optional<Mode> mode();

  /** Inbound policies. */
  enum Mode {
    PASSTHROUGH,
    LOCALHOST
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InboundTrafficPolicy}. */
  final class Builder extends ImmutableInboundTrafficPolicy.Builder {}
}
