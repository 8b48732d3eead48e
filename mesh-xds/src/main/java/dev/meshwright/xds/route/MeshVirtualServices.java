package dev.meshwright.xds.route;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.xds.ProxyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VirtualServices a sidecar routes by: those bound to the {@code mesh} gateway and visible from its namespace
 * (own namespace first, then exported, then public, each oldest first), narrowed to the hosts its Sidecar imports,
 * with delegates merged in. Stateless.
 */
final class MeshVirtualServices {
  private MeshVirtualServices() {}

  static List<VirtualService> forProxy(ProxyContext ctx, List<Diagnostic> diags) {
    String ns = ctx.proxy().namespace();
    List<VirtualService> candidates = ctx.snapshot().virtualServices().forGateway(RouteContext.MESH_GATEWAY, ns);
    Optional<Sidecar> sidecar = ctx.scope().sidecar();
    List<VirtualService> out = new ArrayList<>();
    List<VirtualService> delegates = ctx.snapshot().virtualServices().delegates();
    List<String> exportDefault = ctx.meshConfig().defaultVirtualServiceExportTo();
    for (VirtualService vs : candidates) {
      if (out.stream().anyMatch(o -> o.name().equals(vs.name()) && o.namespace().equals(vs.namespace()))) {
        continue;
      }
      if (sidecar.isPresent() && !sidecar.get().spec().egress().isEmpty() && !imported(sidecar.get(), ns, vs)) {
        continue;
      }
      Delegates.Merged merged = Delegates.merge(vs, delegates, exportDefault, ctx.options().domainSuffix());
      diags.addAll(merged.diagnostics());
      out.add(merged.virtualService());
    }
    return out;
  }

  private static boolean imported(Sidecar sidecar, String proxyNs, VirtualService vs) {
    String sidecarNs = sidecar.metadata().namespace().orElse(proxyNs);
    for (IstioEgressListener l : sidecar.spec().egress()) {
      for (String nsHost : l.hosts()) {
        int slash = nsHost.indexOf('/');
        String ns = slash < 0 ? "*" : nsHost.substring(0, slash);
        String host = slash < 0 ? nsHost : nsHost.substring(slash + 1);
        if (ns.equals(".")) {
          ns = sidecarNs;
        }
        if (ns.equals("~") || (!ns.equals("*") && !ns.equals(vs.namespace()))) {
          continue;
        }
        if (vs.spec().hosts().stream().anyMatch(h -> HostNames.matches(host, h))) {
          return true;
        }
      }
    }
    return false;
  }
}
