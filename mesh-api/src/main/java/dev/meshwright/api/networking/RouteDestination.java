package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A weighted destination of a {@link TCPRoute} or {@link TLSRoute}
 * ({@code istio.networking.v1alpha3.RouteDestination}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRouteDestination.class)
@JsonDeserialize(as = ImmutableRouteDestination.class)
public interface RouteDestination {
  /** Where to send the traffic; required. */
  Optional<Destination> destination();

  /** The relative share of traffic; all of it when this is the only destination. */
  Optional<Integer> weight();

  /** All traffic to {@code destination}. */
  static RouteDestination to(Destination destination) {
    return builder().destination(destination).build();
  }

  /** A share {@code weight} of the traffic to {@code destination}. */
  static RouteDestination to(Destination destination, int weight) {
    return builder().destination(destination).weight(weight).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RouteDestination}. */
  final class Builder extends ImmutableRouteDestination.Builder {}
}
