package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Answers matched requests with a fixed status and body ({@code istio.networking.v1alpha3.HTTPDirectResponse}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPDirectResponse.class)
@JsonDeserialize(as = ImmutableHTTPDirectResponse.class)
public interface HTTPDirectResponse {
  /** The HTTP status; required. */
  Optional<Integer> status();

  /** The body; none when absent. */
  Optional<HTTPBody> body();

  /** A response with {@code status} and no body. */
  static HTTPDirectResponse of(int status) {
    return builder().status(status).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPDirectResponse}. */
  final class Builder extends ImmutableHTTPDirectResponse.Builder {}
}
