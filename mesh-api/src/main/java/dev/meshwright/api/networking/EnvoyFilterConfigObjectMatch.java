package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which generated Envoy objects a patch applies to ({@code EnvoyFilter.EnvoyConfigObjectMatch}): a
 * context, a proxy match and at most one of a listener, route configuration or cluster match. Setting
 * two object matches fails at build time with an {@link IllegalStateException}. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterConfigObjectMatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterConfigObjectMatch.class)
public interface EnvoyFilterConfigObjectMatch {
  /** Where the object is generated: sidecar inbound/outbound, gateway, or ANY. */
  Optional<EnvoyFilterSpec.PatchContext> context();

  /** Which proxies the patch applies to. */
  Optional<EnvoyFilterProxyMatch> proxy();

  /** Matches listeners (LISTENER, FILTER_CHAIN, NETWORK_FILTER, HTTP_FILTER, LISTENER_FILTER patches). */
  Optional<EnvoyFilterListenerMatch> listener();

  /** Matches route configurations (ROUTE_CONFIGURATION, VIRTUAL_HOST, HTTP_ROUTE patches). */
  Optional<EnvoyFilterRouteConfigurationMatch> routeConfiguration();

  /** Matches clusters (CLUSTER patches). */
  Optional<EnvoyFilterClusterMatch> cluster();

  /** The oneof {@code object_types}: at most one object match. */
  @Value.Check
  default void checkOneObjectType() {
    List<String> set = new ArrayList<>();
    listener().ifPresent(x -> set.add("listener"));
    routeConfiguration().ifPresent(x -> set.add("routeConfiguration"));
    cluster().ifPresent(x -> set.add("cluster"));
    if (set.size() > 1) {
      throw new IllegalStateException(
          "EnvoyConfigObjectMatch: only one of listener, routeConfiguration, cluster may be set, got " + set);
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterConfigObjectMatch}. */
  final class Builder extends ImmutableEnvoyFilterConfigObjectMatch.Builder {}
}
