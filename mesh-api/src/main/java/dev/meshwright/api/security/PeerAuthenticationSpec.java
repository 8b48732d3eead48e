package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The spec of a {@link PeerAuthentication} ({@code istio.security.v1beta1.PeerAuthentication}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutablePeerAuthenticationSpec.class)
@JsonDeserialize(as = ImmutablePeerAuthenticationSpec.class)
public interface PeerAuthenticationSpec {
  /** The workloads this applies to; all workloads of the namespace when absent. */
  Optional<WorkloadSelector> selector();

  /** The mode for every port not listed in {@link #portLevelMtls()}. */
  Optional<MutualTls> mtls();

  /** Per-port modes, keyed by container port number; needs a selector. */
  Map<Integer, MutualTls> portLevelMtls();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PeerAuthenticationSpec}. */
  final class Builder extends ImmutablePeerAuthenticationSpec.Builder {}
}
