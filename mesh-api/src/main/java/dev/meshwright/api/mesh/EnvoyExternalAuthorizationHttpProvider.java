package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** An external authorization server reached over HTTP. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyExternalAuthorizationHttpProvider.class)
@JsonDeserialize(as = ImmutableEnvoyExternalAuthorizationHttpProvider.class)
public interface EnvoyExternalAuthorizationHttpProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Timeout of one check. */
  Optional<Duration> timeout();

  /** Prefix added to the checked path. */
  Optional<String> pathPrefix();

  /** Allows requests when the server fails. */
  Optional<Boolean> failOpen();

  /** HTTP status returned when the server fails. */
  Optional<String> statusOnError();

  /** Deprecated; use includeRequestHeadersInCheck. */
  List<String> includeHeadersInCheck();

  /** Request headers sent to the server. */
  List<String> includeRequestHeadersInCheck();

  /** Extra headers added to the check request. */
  Map<String, String> includeAdditionalHeadersInCheck();

  /** Sends the request body. */
  Optional<EnvoyExternalAuthorizationRequestBody> includeRequestBodyInCheck();

  /** Server headers passed upstream when allowed. */
  List<String> headersToUpstreamOnAllow();

  /** Server headers returned when denied. */
  List<String> headersToDownstreamOnDeny();

  /** Server headers returned downstream when allowed. */
  List<String> headersToDownstreamOnAllow();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyExternalAuthorizationHttpProvider}. */
  final class Builder extends ImmutableEnvoyExternalAuthorizationHttpProvider.Builder {}
}
