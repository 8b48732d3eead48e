package dev.meshwright.xds.route;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.xds.ProxyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VirtualServices a sidecar routes by: those bound to the {@code mesh} gateway and visible from its namespace
 * (own namespace first, then exported, then public, each oldest first), narrowed to the hosts its Sidecar egress
 * listener imports,
 * with delegates merged in. Stateless.
 */
final class MeshVirtualServices {
  private MeshVirtualServices() {}

  static List<VirtualService> forProxy(ProxyContext ctx, Optional<IstioEgressListener> egress,
      List<Diagnostic> diags) {
    String ns = ctx.proxy().namespace();
    List<VirtualService> candidates = ctx.snapshot().virtualServices().forGateway(RouteContext.MESH_GATEWAY, ns);
    List<VirtualService> out = new ArrayList<>();
    List<VirtualService> delegates = ctx.snapshot().virtualServices().delegates();
    List<String> exportDefault = ctx.meshConfig().defaultVirtualServiceExportTo();
    for (VirtualService vs : candidates) {
      if (out.stream().anyMatch(o -> o.name().equals(vs.name()) && o.namespace().equals(vs.namespace()))) {
        continue;
      }
      if (egress.isPresent() && !EgressListeners.imports(ctx, egress.get(), vs)) {
        continue;
      }
      Delegates.Merged merged = Delegates.merge(vs, delegates, exportDefault, ctx.options().domainSuffix());
      diags.addAll(merged.diagnostics());
      out.add(merged.virtualService());
    }
    return out;
  }
}
