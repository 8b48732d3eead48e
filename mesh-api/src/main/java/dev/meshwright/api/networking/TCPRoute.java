package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A rule for opaque TCP traffic ({@code istio.networking.v1alpha3.TCPRoute}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableTCPRoute.class)
@JsonDeserialize(as = ImmutableTCPRoute.class)
public interface TCPRoute {
  /** Conditions, any of which selects the rule; all connections when empty. */
  List<L4MatchAttributes> match();

  /** Weighted destinations. */
  List<RouteDestination> route();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TCPRoute}. */
  final class Builder extends ImmutableTCPRoute.Builder {}
}
