package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.Headers;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.RouteDestination;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds weighted destination lists: zero-weight backends are dropped, a single remaining backend gets no
 * weight, invalid backends stay in place as empty destinations and are reported. Stateless.
 */
final class RouteDestinations {
  private RouteDestinations() {}

  /**
   * A built list.
   *
   * @param destinations the destinations (null on a hard error)
   * @param invalidBackend the last dropped-backend problem, or null
   * @param hardError a problem that voids the whole rule, or null
   */
  record Built<T>(List<T> destinations, ConfigError invalidBackend, ConfigError hardError) {}

  static Built<HTTPRouteDestination> http(ConversionContext ctx, List<Backend> refs, String ns, boolean enforce,
      String routeKind) {
    List<HTTPRouteDestination> out = new ArrayList<>();
    List<Backend> action = nonZero(refs);
    ConfigError invalid = null;
    for (Backend b : action) {
      Destinations.Resolved d = Destinations.resolve(ctx, b, ns, enforce, routeKind);
      if (d.error() != null) {
        if (d.hard()) {
          return new Built<>(null, null, d.error());
        }
        invalid = d.error();
      }
      HTTPRouteDestination.Builder rd = HTTPRouteDestination.builder().destination(d.destination());
      if (action.size() > 1) {
        rd.weight(b.weight());
      }
      Headers headers = null;
      for (Backend.Filter f : b.filters()) {
        switch (String.valueOf(f.type())) {
          case "RequestHeaderModifier", "ResponseHeaderModifier" -> {
            if (f.headers() != null) {
              headers = HeaderFilters.with(headers, f.type().startsWith("Request"), HeaderFilters.operations(f.headers()));
            }
          }
          default -> {
            return new Built<>(null, null, new ConfigError(ConfigError.INVALID_FILTER,
                "unsupported filter type \"" + f.type() + "\""));
          }
        }
      }
      if (headers != null) {
        rd.headers(headers);
      }
      out.add(rd.build());
    }
    return new Built<>(out, invalid, null);
  }

  static Built<RouteDestination> l4(ConversionContext ctx, List<Backend> refs, String ns, boolean enforce,
      String routeKind) {
    List<RouteDestination> out = new ArrayList<>();
    List<Backend> action = nonZero(refs);
    ConfigError invalid = null;
    for (Backend b : action) {
      Destinations.Resolved d = Destinations.resolve(ctx, b, ns, enforce, routeKind);
      if (d.error() != null) {
        if (d.hard()) {
          return new Built<>(null, null, d.error());
        }
        invalid = d.error();
      }
      RouteDestination.Builder rd = RouteDestination.builder().destination(d.destination());
      if (action.size() > 1) {
        rd.weight(b.weight());
      }
      out.add(rd.build());
    }
    return new Built<>(out, invalid, null);
  }

  private static List<Backend> nonZero(List<Backend> refs) {
    List<Backend> out = new ArrayList<>();
    for (Backend b : refs) {
      if (b.weight() != 0) {
        out.add(b);
      }
    }
    return out;
  }
}
