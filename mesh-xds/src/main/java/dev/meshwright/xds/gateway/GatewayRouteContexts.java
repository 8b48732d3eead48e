package dev.meshwright.xds.gateway;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.route.RouteContext;
import java.util.Set;

/**
 * The route translator's context for one gateway server: its gateway, port, TLS, and the services in sight (the
 * scope's own immutable map, so a context costs no copy of the mesh's services).
 */
final class GatewayRouteContexts {
  private GatewayRouteContexts() {}

  static RouteContext of(ProxyContext ctx, int port, String gateway, RouteContext.ListenerTls tls) {
    return RouteContext.gateway(ctx.proxy(), port, Set.of(gateway), ctx.scope().byHostname(), ctx.meshConfig(),
        ctx.options().domainSuffix(), tls);
  }
}
