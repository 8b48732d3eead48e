package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches a virtual host of a route configuration ({@code EnvoyFilter.RouteConfigurationMatch.VirtualHostMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterVirtualHostMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterVirtualHostMatch.class)
public interface EnvoyFilterVirtualHostMatch {
  /** The virtual host name, {@code host:port}. */
  Optional<String> name();

  /** Narrows the match to one route of the host. */
  Optional<EnvoyFilterRouteMatch> route();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterVirtualHostMatch}. */
  final class Builder extends ImmutableEnvoyFilterVirtualHostMatch.Builder {}
}
