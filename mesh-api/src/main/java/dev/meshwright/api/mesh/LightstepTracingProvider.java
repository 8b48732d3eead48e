package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A Lightstep tracing provider (deprecated). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableLightstepTracingProvider.class)
@JsonDeserialize(as = ImmutableLightstepTracingProvider.class)
public interface LightstepTracingProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** The access token. */
  Optional<String> accessToken();

  /** Longest tag value. */
  Optional<Integer> maxTagLength();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LightstepTracingProvider}. */
  final class Builder extends ImmutableLightstepTracingProvider.Builder {}
}
