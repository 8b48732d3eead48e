package dev.meshwright.xds.envoyfilter;

import dev.meshwright.api.networking.EnvoyFilterPatch.Operation;
import dev.meshwright.api.networking.EnvoyFilterRouteConfigurationMatch;
import dev.meshwright.api.networking.EnvoyFilterRouteMatch;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.networking.EnvoyFilterSpec.PatchContext;
import dev.meshwright.api.networking.EnvoyFilterVirtualHostMatch;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * istiod's ROUTE_CONFIGURATION, VIRTUAL_HOST and HTTP_ROUTE patches on one route configuration: MERGE the
 * configuration; per virtual host REMOVE (every host of that name goes, added ones too), MERGE or REPLACE, then its
 * routes (REMOVE or MERGE each, then ADD, INSERT_BEFORE / INSERT_AFTER the first matching route, INSERT_FIRST);
 * then ADD virtual hosts. Sidecar configurations match by the port in their name ({@code 8080}, or
 * {@code inbound|8080||}; {@code host:port} names have none) and exact name; gateway ones by the port, server port
 * name and {@code ns/name} gateway in {@code http.<port>} / {@code https.<port>.<portName>.<gateway>.<ns>}, where
 * the port a patch names is a server port of the Gateways behind that route name (the gateway's port map: route
 * {@code http.8080} of servers on port 80 matches {@code portNumber: 80}). Stateless.
 */
final class RoutePatches {
  private RoutePatches() {}

  static boolean any(ProxyPatches patches) {
    return patches.any(ApplyTo.ROUTE_CONFIGURATION, ApplyTo.VIRTUAL_HOST, ApplyTo.HTTP_ROUTE);
  }

  /** Without a gateway port map (sidecars). */
  static RouteConfiguration patch(ProxyPatches patches, PatchContext ctx, RouteConfiguration in) {
    return patch(patches, ctx, in, Map.of());
  }

  /**
   * @param portMap for gateways: the server port numbers behind each route name's port
   */
  static RouteConfiguration patch(ProxyPatches patches, PatchContext ctx, RouteConfiguration in,
      Map<Integer, Set<Integer>> portMap) {
    Matcher m = new Matcher(ctx, portMap);
    RouteConfiguration rc = in;
    for (Patch p : patches.get(ApplyTo.ROUTE_CONFIGURATION)) {
      if (p.operation() == Operation.MERGE && p.inContext(ctx) && m.config(rc, p)) {
        rc = ProtoMerge.merge(rc, p.value(RouteConfiguration.class));
      }
    }
    List<Patch> hostPatches = patches.get(ApplyTo.VIRTUAL_HOST);
    List<Patch> routePatches = patches.get(ApplyTo.HTTP_ROUTE);
    if (hostPatches.isEmpty() && routePatches.isEmpty()) {
      return rc;
    }
    Set<String> removed = new HashSet<>();
    List<VirtualHost> hosts = new ArrayList<>();
    for (VirtualHost vh : rc.getVirtualHostsList()) {
      VirtualHost cur = vh;
      boolean gone = false;
      for (Patch p : hostPatches) {
        if (p.inContext(ctx) && m.config(rc, p) && hostMatches(cur, p)) {
          if (p.operation() == Operation.REMOVE) {
            gone = true;
            break;
          } else if (p.operation() == Operation.MERGE) {
            cur = ProtoMerge.merge(cur, p.value(VirtualHost.class));
          } else if (p.operation() == Operation.REPLACE) {
            cur = p.value(VirtualHost.class);
          }
        }
      }
      if (gone) {
        removed.add(cur.getName());
        hosts.add(cur);
        continue;
      }
      hosts.add(routePatches.isEmpty() ? cur : patchRoutes(m, rc, cur, routePatches));
    }
    for (Patch p : hostPatches) {
      if (p.operation() == Operation.ADD && p.inContext(ctx) && m.config(rc, p)) {
        hosts.add(p.value(VirtualHost.class));
      }
    }
    if (!removed.isEmpty()) {
      hosts.removeIf(h -> removed.contains(h.getName()));
    }
    return rc.toBuilder().clearVirtualHosts().addAllVirtualHosts(hosts).build();
  }

  private static VirtualHost patchRoutes(Matcher m, RouteConfiguration rc, VirtualHost vh, List<Patch> ps) {
    PatchContext ctx = m.ctx();
    List<Route> routes = new ArrayList<>(vh.getRoutesList());
    for (int i = 0; i < routes.size(); i++) {
      for (Patch p : ps) {
        if (p.inContext(ctx) && m.config(rc, p) && hostMatches(vh, p) && routeMatches(routes.get(i), p)) {
          if (p.operation() == Operation.REMOVE) {
            routes.set(i, null);
            break;
          } else if (p.operation() == Operation.MERGE) {
            routes.set(i, ProtoMerge.merge(routes.get(i), p.value(Route.class)));
          }
        }
      }
    }
    routes.removeIf(r -> r == null);
    for (Patch p : ps) {
      if (!p.inContext(ctx) || !m.config(rc, p) || !hostMatches(vh, p)) {
        continue;
      }
      boolean named = namesRoute(p);
      switch (p.operation()) {
        case ADD, INSERT_AFTER, INSERT_BEFORE -> routes = FilterLists.apply(routes, p.operation(), named,
            r -> routeMatches(r, p), p.value(Route.class));
        case INSERT_FIRST -> {
          // unlike a filter list's, a route INSERT_FIRST that names a route needs that route to exist
          if (!named || routes.stream().anyMatch(r -> routeMatches(r, p))) {
            routes.add(0, p.value(Route.class));
          }
        }
        default -> { }
      }
    }
    return vh.toBuilder().clearRoutes().addAllRoutes(routes).build();
  }

  /** The route configuration match in one context, with the gateway's port map. */
  private record Matcher(PatchContext ctx, Map<Integer, Set<Integer>> portMap) {
    boolean config(RouteConfiguration rc, Patch p) {
      return configMatches(ctx, rc, p, portMap);
    }
  }

  static boolean configMatches(PatchContext ctx, RouteConfiguration rc, Patch p, Map<Integer, Set<Integer>> portMap) {
    Optional<EnvoyFilterRouteConfigurationMatch> m = p.match().routeConfiguration();
    if (m.isEmpty()) {
      return true;
    }
    int want = m.get().portNumber().orElse(0);
    String name = m.get().name().orElse("");
    if (!name.isEmpty() && !name.equals(rc.getName())) {
      return false;
    }
    if (ctx != PatchContext.GATEWAY) {
      int port = rc.getName().startsWith("inbound") ? SubsetKey.parse(rc.getName()).port() : number(rc.getName());
      return want == 0 || want == port;
    }
    String[] parts = rc.getName().split("\\.", -1);
    int port = 0;
    String portName = "";
    String gateway = "";
    if (rc.getName().startsWith("http.") && parts.length >= 2) {
      port = number(parts[1]);
    } else if (rc.getName().startsWith("https.") && parts.length >= 5) {
      port = number(parts[1]);
      portName = parts[2];
      gateway = parts[4] + "/" + parts[3];
    }
    if (want != 0 && !(portMap.containsKey(port) ? portMap.get(port).contains(want) : want == port)) {
      return false;
    }
    String wantPortName = m.get().portName().orElse("");
    if (!wantPortName.isEmpty() && !wantPortName.equals(portName)) {
      return false;
    }
    String wantGateway = m.get().gateway().orElse("");
    return wantGateway.isEmpty() || wantGateway.equals(gateway);
  }

  /** The port of a gateway RDS name ({@code http.<port>}, {@code https.<port>.<portName>.<gw>.<ns>}); 0 if none. */
  static int routePort(String name) {
    String[] parts = name.split("\\.", -1);
    if (name.startsWith("http.") && parts.length >= 2 || name.startsWith("https.") && parts.length >= 5) {
      return number(parts[1]);
    }
    return 0;
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static boolean hostMatches(VirtualHost vh, Patch p) {
    Optional<EnvoyFilterVirtualHostMatch> m = p.match().routeConfiguration().flatMap(r -> r.vhost());
    return m.isEmpty() || m.get().name().filter(n -> !n.isEmpty()).map(n -> n.equals(vh.getName())).orElse(true);
  }

  private static Optional<EnvoyFilterRouteMatch> routeMatch(Patch p) {
    return p.match().routeConfiguration().flatMap(r -> r.vhost()).flatMap(v -> v.route());
  }

  private static boolean namesRoute(Patch p) {
    return routeMatch(p).isPresent();
  }

  static boolean routeMatches(Route r, Patch p) {
    Optional<EnvoyFilterRouteMatch> m = routeMatch(p);
    if (m.isEmpty()) {
      return true;
    }
    String name = m.get().name().orElse("");
    if (!name.isEmpty() && !name.equals(r.getName())) {
      return false;
    }
    EnvoyFilterRouteMatch.Action action = m.get().action().orElse(EnvoyFilterRouteMatch.Action.ANY);
    if (!r.hasRoute() && !r.hasRedirect() && !r.hasDirectResponse()) {
      return true; // istiod only tells these three actions apart
    }
    return switch (action) {
      case ANY -> true;
      case ROUTE -> r.hasRoute();
      case REDIRECT -> r.hasRedirect();
      case DIRECT_RESPONSE -> r.hasDirectResponse();
    };
  }
}
