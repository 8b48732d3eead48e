package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A SkyWalking tracing provider. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableSkyWalkingTracingProvider.class)
@JsonDeserialize(as = ImmutableSkyWalkingTracingProvider.class)
public interface SkyWalkingTracingProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** The access token. */
  Optional<String> accessToken();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SkyWalkingTracingProvider}. */
  final class Builder extends ImmutableSkyWalkingTracingProvider.Builder {}
}
