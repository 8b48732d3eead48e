package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches a filter chain of a listener ({@code EnvoyFilter.ListenerMatch.FilterChainMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterFilterChainMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterFilterChainMatch.class)
public interface EnvoyFilterFilterChainMatch {
  /** The filter chain name. */
  Optional<String> name();

  /** The SNI the chain matches. */
  Optional<String> sni();

  /** {@code tls} or {@code raw_buffer}. */
  Optional<String> transportProtocol();

  /** Comma-separated ALPN values the chain matches, e.g. {@code h2,http/1.1}. */
  Optional<String> applicationProtocols();

  /** Narrows the match to a network filter of the chain. */
  Optional<EnvoyFilterFilterMatch> filter();

  /** The original destination port the chain matches (inbound listeners). */
  Optional<Integer> destinationPort();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterFilterChainMatch}. */
  final class Builder extends ImmutableEnvoyFilterFilterChainMatch.Builder {}
}
