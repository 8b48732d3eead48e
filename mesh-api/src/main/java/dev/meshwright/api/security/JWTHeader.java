package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A header carrying a JWT, with an optional prefix before the token ({@code istio.security.v1beta1.JWTHeader}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableJWTHeader.class)
@JsonDeserialize(as = ImmutableJWTHeader.class)
public interface JWTHeader {
  /** The header name; required. */
  Optional<String> name();

  /** Text before the token, e.g. {@code "Bearer "}. */
  Optional<String> prefix();

  /** A header location. */
  static JWTHeader of(String name, String prefix) {
    return builder().name(name).prefix(prefix).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link JWTHeader}. */
  final class Builder extends ImmutableJWTHeader.Builder {}
}
