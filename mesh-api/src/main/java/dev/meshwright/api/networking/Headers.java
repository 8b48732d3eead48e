package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Header changes applied to requests on the way to a destination and to responses on the way back
 * ({@code istio.networking.v1alpha3.Headers}). Values may use Envoy's {@code %VAR%} expressions. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHeaders.class)
@JsonDeserialize(as = ImmutableHeaders.class)
public interface Headers {
  /** Changes to the request. */
  Optional<HeaderOperations> request();

  /** Changes to the response. */
  Optional<HeaderOperations> response();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Headers}. */
  final class Builder extends ImmutableHeaders.Builder {}

  /** Set, append and remove operations on one direction's headers ({@code Headers.HeaderOperations}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableHeaderOperations.class)
  @JsonDeserialize(as = ImmutableHeaderOperations.class)
  interface HeaderOperations {
    /** Headers overwritten with the given value. */
    Map<String, String> set();

    /** Headers appended with the given value. */
    Map<String, String> add();

    /** Header names removed. */
    List<String> remove();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link HeaderOperations}. */
    final class Builder extends ImmutableHeaderOperations.Builder {}
  }
}
