package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Matches a route inside a virtual host ({@code EnvoyFilter.RouteConfigurationMatch.RouteMatch}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterRouteMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterRouteMatch.class)
public interface EnvoyFilterRouteMatch {
  /** The route name. */
  Optional<String> name();

  /** The kind of action the route takes. */
  Optional<Action> action();

  /** Route actions a match can select. */
  enum Action {
    ANY,
    ROUTE,
    REDIRECT,
    DIRECT_RESPONSE
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterRouteMatch}. */
  final class Builder extends ImmutableEnvoyFilterRouteMatch.Builder {}
}
