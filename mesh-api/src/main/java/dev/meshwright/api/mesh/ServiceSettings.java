package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Settings for a set of services, matched by host ({@code MeshConfig.ServiceSettings}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableServiceSettings.class)
@JsonDeserialize(as = ImmutableServiceSettings.class)
public interface ServiceSettings {
  /** The settings. */
  Optional<Settings> settings();

  /** Matched hosts; wildcards allowed. */
  List<String> hosts();

  /** Per-service settings. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableSettings.class)
  @JsonDeserialize(as = ImmutableSettings.class)
  interface Settings {
    /** Keeps traffic to the service inside its cluster. */
    Optional<Boolean> clusterLocal();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Settings}. */
    final class Builder extends ImmutableSettings.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServiceSettings}. */
  final class Builder extends ImmutableServiceSettings.Builder {}
}
