package dev.meshwright.api.security;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How to verify the JWTs of one issuer ({@code istio.security.v1beta1.JWTRule}): the key set (by URI or
 * inline), accepted audiences, where the token is carried and which claims to copy into headers. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableJWTRule.class)
@JsonDeserialize(as = ImmutableJWTRule.class)
public interface JWTRule {
  /** The {@code iss} the token must carry; required. */
  Optional<String> issuer();

  /** Accepted {@code aud} values; any audience when empty. */
  List<String> audiences();

  /** Where to fetch the JSON Web Key Set (http or https); also read as {@code jwks_uri}. */
  @JsonAlias("jwks_uri")
  Optional<String> jwksUri();

  /** An inline JSON Web Key Set; takes precedence over {@link #jwksUri()}. */
  Optional<String> jwks();

  /** Headers carrying the token; {@code Authorization: Bearer} when no location is given. */
  List<JWTHeader> fromHeaders();

  /** Query parameters carrying the token. */
  List<String> fromParams();

  /** The header that receives the verified payload (base64url-encoded). */
  Optional<String> outputPayloadToHeader();

  /** Cookies carrying the token. */
  List<String> fromCookies();

  /** Whether the original token is forwarded upstream. */
  Optional<Boolean> forwardOriginalToken();

  /** Claims copied into request headers. */
  List<ClaimToHeader> outputClaimToHeaders();

  /** How long to wait for the JWKS fetch. */
  Optional<Duration> timeout();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link JWTRule}. */
  final class Builder extends ImmutableJWTRule.Builder {}
}
