package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * A rule for TLS traffic that is passed through unterminated, matched by SNI
 * ({@code istio.networking.v1alpha3.TLSRoute}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTLSRoute.class)
@JsonDeserialize(as = ImmutableTLSRoute.class)
public interface TLSRoute {
  /** Conditions, any of which selects the rule; at least one is required. */
  List<TLSMatchAttributes> match();

  /** Weighted destinations. */
  List<RouteDestination> route();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TLSRoute}. */
  final class Builder extends ImmutableTLSRoute.Builder {}
}
