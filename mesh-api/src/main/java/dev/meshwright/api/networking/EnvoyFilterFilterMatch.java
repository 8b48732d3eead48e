package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches a network filter of a filter chain ({@code EnvoyFilter.ListenerMatch.FilterMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterFilterMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterFilterMatch.class)
public interface EnvoyFilterFilterMatch {
  /** The network filter name, e.g. {@code envoy.filters.network.http_connection_manager}. */
  Optional<String> name();

  /** Narrows the match to an HTTP filter (only with the HTTP connection manager). */
  Optional<EnvoyFilterSubFilterMatch> subFilter();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterFilterMatch}. */
  final class Builder extends ImmutableEnvoyFilterFilterMatch.Builder {}
}
