package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Copies one claim of a verified JWT into a request header ({@code istio.security.v1beta1.ClaimToHeader}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableClaimToHeader.class)
@JsonDeserialize(as = ImmutableClaimToHeader.class)
public interface ClaimToHeader {
  /** The header to set. */
  Optional<String> header();

  /** The claim to copy (a string, number or boolean claim). */
  Optional<String> claim();

  /** A claim-to-header mapping. */
  static ClaimToHeader of(String header, String claim) {
    return builder().header(header).claim(claim).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ClaimToHeader}. */
  final class Builder extends ImmutableClaimToHeader.Builder {}
}
