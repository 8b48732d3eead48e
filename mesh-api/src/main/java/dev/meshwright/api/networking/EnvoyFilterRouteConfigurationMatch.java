package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches route configurations and their virtual hosts ({@code EnvoyFilter.RouteConfigurationMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterRouteConfigurationMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterRouteConfigurationMatch.class)
public interface EnvoyFilterRouteConfigurationMatch {
  /** The service port (sidecar) or server port (gateway). */
  Optional<Integer> portNumber();

  /** The gateway server port name (gateways only). */
  Optional<String> portName();

  /** The Istio Gateway, {@code namespace/name} (gateways only). */
  Optional<String> gateway();

  /** Narrows the match to a virtual host. */
  Optional<EnvoyFilterVirtualHostMatch> vhost();

  /** The exact route configuration name. */
  Optional<String> name();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterRouteConfigurationMatch}. */
  final class Builder extends ImmutableEnvoyFilterRouteConfigurationMatch.Builder {}
}
