package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Answers matched requests with a redirect ({@code istio.networking.v1alpha3.HTTPRedirect}). At most one
 * of {@link #port()} and {@link #derivePort()} may be set. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPRedirect.class)
@JsonDeserialize(as = ImmutableHTTPRedirect.class)
public interface HTTPRedirect {
  /** The path of the redirect location; the request's path when absent. */
  Optional<String> uri();

  /** The authority of the redirect location. */
  Optional<String> authority();

  /** A fixed port for the redirect location. */
  Optional<Integer> port();

  /** How to choose the redirect port when {@link #port()} is not set. */
  Optional<RedirectPortSelection> derivePort();

  /** The scheme of the redirect location ({@code http} or {@code https}). */
  Optional<String> scheme();

  /** The status code; 301 when absent. */
  Optional<Integer> redirectCode();

  /** Where the redirect port comes from ({@code HTTPRedirect.RedirectPortSelection}). */
  enum RedirectPortSelection {
    FROM_PROTOCOL_DEFAULT,
    FROM_REQUEST_PORT
  }

  @Value.Check
  default void checkRedirectPort() {
    if (port().isPresent() && derivePort().isPresent()) {
      throw new IllegalStateException("HTTPRedirect: only one of port and derivePort may be set");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPRedirect}. */
  final class Builder extends ImmutableHTTPRedirect.Builder {}
}
