package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches an HTTP filter inside the HTTP connection manager ({@code EnvoyFilter.ListenerMatch.SubFilterMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterSubFilterMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterSubFilterMatch.class)
public interface EnvoyFilterSubFilterMatch {
  /** The HTTP filter name, e.g. {@code envoy.filters.http.router}. */
  Optional<String> name();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterSubFilterMatch}. */
  final class Builder extends ImmutableEnvoyFilterSubFilterMatch.Builder {}
}
