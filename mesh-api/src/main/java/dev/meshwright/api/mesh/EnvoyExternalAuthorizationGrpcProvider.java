package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** An external authorization server reached over gRPC. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyExternalAuthorizationGrpcProvider.class)
@JsonDeserialize(as = ImmutableEnvoyExternalAuthorizationGrpcProvider.class)
public interface EnvoyExternalAuthorizationGrpcProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Timeout of one check. */
  Optional<Duration> timeout();

  /** Allows requests when the server fails. */
  Optional<Boolean> failOpen();

  /** HTTP status returned when the server fails. */
  Optional<String> statusOnError();

  /** Sends the request body. */
  Optional<EnvoyExternalAuthorizationRequestBody> includeRequestBodyInCheck();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyExternalAuthorizationGrpcProvider}. */
  final class Builder extends ImmutableEnvoyExternalAuthorizationGrpcProvider.Builder {}
}
