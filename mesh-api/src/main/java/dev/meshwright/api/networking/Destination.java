package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a route sends traffic ({@code istio.networking.v1alpha3.Destination}): a service host from the
 * registry, optionally one subset of it (declared by a DestinationRule) and a port. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDestination.class)
@JsonDeserialize(as = ImmutableDestination.class)
public interface Destination {
  /** The service host (short names are resolved in the VirtualService's namespace); required. */
  Optional<String> host();

  /** A subset name of the host's DestinationRule. */
  Optional<String> subset();

  /** The service port; needed only when the service exposes several. */
  Optional<PortSelector> port();

  /** A destination for {@code host}. */
  static Destination of(String host) {
    return builder().host(host).build();
  }

  /** A destination for one subset of {@code host}. */
  static Destination of(String host, String subset) {
    return builder().host(host).subset(subset).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Destination}. */
  final class Builder extends ImmutableDestination.Builder {}
}
