package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A peer authentication mTLS setting ({@code PeerAuthentication.MutualTLS}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableMutualTls.class)
@JsonDeserialize(as = ImmutableMutualTls.class)
public interface MutualTls {
  /** The mTLS mode; UNSET inherits from the parent (namespace, then mesh). */
  Optional<Mode> mode();

  /** mTLS modes of a PeerAuthentication. */
  enum Mode {
    UNSET,
    DISABLE,
    PERMISSIVE,
    STRICT
  }

  static MutualTls of(Mode mode) {
    return builder().mode(mode).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MutualTls}. */
  final class Builder extends ImmutableMutualTls.Builder {}
}
