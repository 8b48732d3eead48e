package dev.meshwright.api.networking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A weighted destination of an {@link HTTPRoute} with its own header changes
 * ({@code istio.networking.v1alpha3.HTTPRouteDestination}). Immutable.
 *
 * <p>Fields removed from the proto (their names are reserved) are accepted and ignored when read, so older
 * configurations (Istio's own test data among them) still load, as Istio's webhook accepts them; any other
 * unknown field stays an error.
 */
@Value.Immutable
@JsonIgnoreProperties({
    "removeResponseHeaders", "remove_response_headers", "appendResponseHeaders", "append_response_headers",
    "removeRequestHeaders", "remove_request_headers", "appendRequestHeaders", "append_request_headers"})
@JsonSerialize(as = ImmutableHTTPRouteDestination.class)
@JsonDeserialize(as = ImmutableHTTPRouteDestination.class)
public interface HTTPRouteDestination {
  /** Where to send the traffic; required. */
  Optional<Destination> destination();

  /** The relative share of traffic; all of it when this is the only destination. */
  Optional<Integer> weight();

  /** Header changes for traffic to this destination. */
  Optional<Headers> headers();

  /** All traffic to {@code destination}. */
  static HTTPRouteDestination to(Destination destination) {
    return builder().destination(destination).build();
  }

  /** A share {@code weight} of the traffic to {@code destination}. */
  static HTTPRouteDestination to(Destination destination, int weight) {
    return builder().destination(destination).weight(weight).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPRouteDestination}. */
  final class Builder extends ImmutableHTTPRouteDestination.Builder {}
}
