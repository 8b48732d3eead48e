package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches clusters ({@code EnvoyFilter.ClusterMatch}); every field set must match. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterClusterMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterClusterMatch.class)
public interface EnvoyFilterClusterMatch {
  /** The service port the cluster is for. */
  Optional<Integer> portNumber();

  /** The fully qualified service name. */
  Optional<String> service();

  /** The DestinationRule subset. */
  Optional<String> subset();

  /** The exact cluster name; other fields are ignored when set. */
  Optional<String> name();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterClusterMatch}. */
  final class Builder extends ImmutableEnvoyFilterClusterMatch.Builder {}
}
