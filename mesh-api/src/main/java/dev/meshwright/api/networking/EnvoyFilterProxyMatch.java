package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches proxies by version and node metadata ({@code EnvoyFilter.ProxyMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterProxyMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterProxyMatch.class)
public interface EnvoyFilterProxyMatch {
  /** An RE2 regular expression matched against the proxy version, e.g. {@code ^1\.22.*}. */
  Optional<String> proxyVersion();

  /** Node metadata entries that must all be present with these values. */
  Map<String, String> metadata();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterProxyMatch}. */
  final class Builder extends ImmutableEnvoyFilterProxyMatch.Builder {}
}
