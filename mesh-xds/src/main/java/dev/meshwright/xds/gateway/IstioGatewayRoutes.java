package dev.meshwright.xds.gateway;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.route.Delegates;
import dev.meshwright.xds.route.RouteContext;
import dev.meshwright.xds.route.RouteTranslator;
import java.util.ArrayList;
import java.util.List;

/**
 * Istio's gateway route translation ({@link GatewayRouteBuilder#translator()}), one instance: delegates merged into
 * the VirtualService, then the shared {@link RouteTranslator} in the server's {@link RouteContext}. Because it is
 * known to read only the proxy's namespace, labels, Sidecar scope and proxyless flag, {@link GatewayRouteGenerator}
 * may share what it builds between gateway proxies. Stateless and thread-safe.
 */
final class IstioGatewayRoutes {
  private IstioGatewayRoutes() {}

  static final GatewayRouteBuilder TRANSLATOR = (ctx, vs, port, gateway, tls) -> {
    Delegates.Merged merged = Delegates.merge(vs, ctx.snapshot().virtualServices().delegates(),
        ctx.meshConfig().defaultVirtualServiceExportTo(), ctx.options().domainSuffix());
    RouteTranslator.Translation t = RouteTranslator.translate(merged.virtualService(),
        GatewayRouteContexts.of(ctx, port, gateway, tls));
    List<Diagnostic> diags = new ArrayList<>(merged.diagnostics());
    diags.addAll(t.diagnostics());
    return new GatewayRouteBuilder.Built(t.routes(), diags);
  };
}
