package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The CORS policy of an HTTP route ({@code istio.networking.v1alpha3.CorsPolicy}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableCorsPolicy.class)
@JsonDeserialize(as = ImmutableCorsPolicy.class)
public interface CorsPolicy {
  /** Allowed origins as exact strings; deprecated in favour of {@link #allowOrigins()}. */
  List<String> allowOrigin();

  /** Allowed origins. */
  List<StringMatch> allowOrigins();

  /** Allowed methods ({@code Access-Control-Allow-Methods}). */
  List<String> allowMethods();

  /** Allowed request headers ({@code Access-Control-Allow-Headers}). */
  List<String> allowHeaders();

  /** Headers the browser may read ({@code Access-Control-Expose-Headers}). */
  List<String> exposeHeaders();

  /** How long a preflight result may be cached; whole seconds. */
  Optional<Duration> maxAge();

  /** Whether credentials are allowed ({@code Access-Control-Allow-Credentials}). */
  Optional<Boolean> allowCredentials();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CorsPolicy}. */
  final class Builder extends ImmutableCorsPolicy.Builder {}
}
