package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds VirtualServices from HTTPRoutes and GRPCRoutes: one per (gateway listener, hostname) and one per
 * (namespace[/port], service host) for mesh parents, merging the routes of every route object that lands on
 * the same key. Not thread-safe; one instance per conversion.
 */
final class HttpVirtualServices {
  private final ConversionContext ctx;
  private final Map<String, List<ParentInfo>> parents;
  private final Map<String, Map<String, VsDraft>> gatewayRoutes = new LinkedHashMap<>();
  private final Map<String, Map<String, VsDraft>> meshRoutes = new LinkedHashMap<>();

  /**
   * The routes converted for one parent type.
   *
   * @param routes the generated routes
   * @param error the last problem met, or null
   */
  record Rules(SharedRoutes<HTTPRoute> routes, ConfigError error) {}

  HttpVirtualServices(ConversionContext ctx, Map<String, List<ParentInfo>> parents) {
    this.ctx = ctx;
    this.parents = parents;
  }

  /** Converts one route object; returns its parent statuses. {@code convert} is called with true for mesh parents. */
  List<RouteParentStatus> add(RouteSource src, Function<Boolean, Rules> convert) {
    List<RouteParent> refs = ParentResolver.resolve(parents, src.parentRefs(), src.hostnames(), src.gvk(), src.namespace());
    boolean needMesh = refs.stream().anyMatch(RouteParent::isMesh);
    boolean needGw = refs.stream().anyMatch(r -> !r.isMesh());
    Rules mesh = needMesh ? convert.apply(true) : new Rules(SharedRoutes.empty(), null);
    Rules gw = needGw ? convert.apply(false) : new Rules(SharedRoutes.empty(), null);
    List<RouteStatusBuilder.Result> results = new ArrayList<>();
    for (RouteParent r : refs) {
      results.add(new RouteStatusBuilder.Result(r, r.isMesh() ? mesh.error() : gw.error()));
    }
    List<RouteParentStatus> status = RouteStatusBuilder.build(results, src.generation(), ctx.env().clock());
    int count = 0;
    for (RouteParent parent : ParentResolver.accepted(refs)) {
      Map<String, Map<String, VsDraft>> routeMap = gatewayRoutes;
      String routeKey = parent.internalName();
      List<String> hosts = src.hostnames().isEmpty() ? List.of("*") : src.hostnames();
      SharedRoutes<HTTPRoute> routes = gw.routes();
      if (parent.isMesh()) {
        routes = mesh.routes();
        routeMap = meshRoutes;
        routeKey = src.namespace();
        Integer port = parent.reference().getPort();
        if (port != null) {
          routes = withPort(routes, port);
          routeKey += "/" + port;
        }
        hosts = MeshHosts.of(ctx, parent, src.namespace());
      }
      if (routes.isEmpty()) {
        continue;
      }
      Map<String, VsDraft> byHost = routeMap.computeIfAbsent(routeKey, k -> new LinkedHashMap<>());
      for (String h : hosts) {
        if (src.kind().equals("HTTPRoute") && !parent.hostnameAllowedByIsolation(h)) {
          continue;
        }
        VsDraft existing = byHost.get(h);
        if (existing != null) {
          existing.http = existing.http.appendAll(routes);
          existing.addParent(src);
        } else {
          String name = src.name() + "-" + count + "-" + GatewayConverter.INTERNAL_SUFFIX;
          VsDraft d = new VsDraft(src, name, h, parent.internalName());
          d.http = routes;
          byHost.put(h, d);
          count++;
        }
      }
    }
    for (VsDraft d : drafts()) {
      d.http.sortInPlace(HttpRouteOrder.INSTANCE);
    }
    return status;
  }

  /** Every draft built so far. */
  List<VsDraft> drafts() {
    List<VsDraft> out = new ArrayList<>();
    gatewayRoutes.values().forEach(m -> out.addAll(m.values()));
    meshRoutes.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  private static SharedRoutes<HTTPRoute> withPort(SharedRoutes<HTTPRoute> routes, int port) {
    SharedRoutes<HTTPRoute> out = SharedRoutes.withCapacity(routes.size());
    for (HTTPRoute r : routes.toList()) {
      List<HTTPMatchRequest> matches = new ArrayList<>();
      for (HTTPMatchRequest m : r.match()) {
        matches.add(HTTPMatchRequest.builder().from(m).port(port).build());
      }
      if (matches.isEmpty()) {
        matches.add(HTTPMatchRequest.builder().port(port).build());
      }
      out = out.append(HTTPRoute.builder().from(r).match(matches).build());
    }
    return out;
  }
}
