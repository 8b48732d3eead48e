package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** The retry policy of an HTTP route ({@code istio.networking.v1alpha3.HTTPRetry}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPRetry.class)
@JsonDeserialize(as = ImmutableHTTPRetry.class)
public interface HTTPRetry {
  /** How many retries; 0 disables retries. */
  Optional<Integer> attempts();

  /** The timeout of each try, including the first. */
  Optional<Duration> perTryTimeout();

  /** Comma-separated conditions to retry on: Envoy policy names or HTTP status codes. */
  Optional<String> retryOn();

  /** Whether retries prefer other localities. */
  Optional<Boolean> retryRemoteLocalities();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPRetry}. */
  final class Builder extends ImmutableHTTPRetry.Builder {}
}
