package dev.meshwright.xds.gateway;

import dev.meshwright.model.registry.MeshService;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.route.RouteContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The route translator's context for one gateway server: its gateway, port, TLS, and the services in sight. */
final class GatewayRouteContexts {
  private GatewayRouteContexts() {}

  static RouteContext of(ProxyContext ctx, int port, String gateway, RouteContext.ListenerTls tls) {
    Map<String, MeshService> services = new LinkedHashMap<>();
    ctx.scope().services().forEach(s -> services.putIfAbsent(s.hostname(), s));
    return RouteContext.gateway(ctx.proxy(), port, Set.of(gateway), services, ctx.meshConfig(),
        ctx.options().domainSuffix(), tls);
  }
}
