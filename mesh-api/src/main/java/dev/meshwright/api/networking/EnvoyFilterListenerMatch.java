package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches listeners, their filter chains and filters ({@code EnvoyFilter.ListenerMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterListenerMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterListenerMatch.class)
public interface EnvoyFilterListenerMatch {
  /** The service or gateway port the listener is for. */
  Optional<Integer> portNumber();

  /** Not implemented by Istio; accepted for compatibility. */
  Optional<String> portName();

  /** Narrows the match to a filter chain. */
  Optional<EnvoyFilterFilterChainMatch> filterChain();

  /** Matches a listener filter by name (LISTENER_FILTER patches). */
  Optional<String> listenerFilter();

  /** The exact listener name. */
  Optional<String> name();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterListenerMatch}. */
  final class Builder extends ImmutableEnvoyFilterListenerMatch.Builder {}
}
