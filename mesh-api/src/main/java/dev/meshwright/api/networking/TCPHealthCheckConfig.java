package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A TCP-connect readiness check ({@code istio.networking.v1alpha3.TCPHealthCheckConfig}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableTCPHealthCheckConfig.class)
@JsonDeserialize(as = ImmutableTCPHealthCheckConfig.class)
public interface TCPHealthCheckConfig {
  /** The host to connect to; the workload's IP when unset. */
  Optional<String> host();

  /** The port (required). */
  Optional<Integer> port();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TCPHealthCheckConfig}. */
  final class Builder extends ImmutableTCPHealthCheckConfig.Builder {}
}
