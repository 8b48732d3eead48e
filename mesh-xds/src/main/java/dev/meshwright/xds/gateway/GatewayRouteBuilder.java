package dev.meshwright.xds.gateway;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.route.RouteContext;
import io.envoyproxy.envoy.config.route.v3.Route;
import java.util.List;

/**
 * Turns the HTTP routes of one VirtualService into Envoy routes for one gateway server: the seam between the
 * gateway route generator and the shared route translator ({@code dev.meshwright.xds.route}), so a platform can
 * decorate or replace the translation. Implementations are pure and thread-safe, and never throw for bad config.
 */
@FunctionalInterface
public interface GatewayRouteBuilder {
  /**
   * The routes of {@code vs} on {@code gateway} ({@code ns/name}) for a server on {@code port}; matches naming
   * other gateways or another port are left out.
   *
   * @param tls {@code TERMINATED} for servers with TLS settings (redirects then default to https)
   */
  Built build(ProxyContext ctx, VirtualService vs, int port, String gateway, RouteContext.ListenerTls tls);

  /** Routes plus the problems found building them. */
  record Built(List<Route> routes, List<Diagnostic> diagnostics) {
    public Built {
      routes = List.copyOf(routes);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Istio's translation: delegates merged into the VirtualService, then {@code RouteTranslator}. Always the same
   * instance; it reads nothing of the proxy but its namespace, labels, Sidecar scope and whether it is proxyless,
   * so the route configurations it builds are shared by gateway proxies that agree on those.
   */
  static GatewayRouteBuilder translator() {
    return IstioGatewayRoutes.TRANSLATOR;
  }
}
