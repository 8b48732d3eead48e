package dev.meshwright.xds.route;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.xds.ProxyContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The VirtualServices a sidecar routes by: those bound to the {@code mesh} gateway and visible from its namespace
 * (own namespace first, then exported, then public, each oldest first), narrowed to the hosts its Sidecar egress
 * listener imports, with delegates merged in. What depends only on the namespace (the visible list, the merges) and
 * on the egress listener (the narrowing) is computed once per snapshot ({@link dev.meshwright.xds.SnapshotMemo}).
 * Stateless.
 */
final class MeshVirtualServices {
  private MeshVirtualServices() {}

  /** A root VirtualService with its delegates merged in, and the problems the merge met. */
  private record Candidate(VirtualService merged, List<Diagnostic> diagnostics) {}

  /** Memo key: the merged mesh VirtualServices visible to a namespace. */
  private record Visible(String namespace, String domainSuffix) {}

  /** Memo key: those a Sidecar egress listener imports ({@code .} is {@code namespace}). */
  private record Imported(String namespace, String domainSuffix, IstioEgressListener egress) {}

  static List<VirtualService> forProxy(ProxyContext ctx, Optional<IstioEgressListener> egress,
      List<Diagnostic> diags) {
    String ns = ctx.proxy().namespace();
    String suffix = ctx.options().domainSuffix();
    List<Candidate> visible = ctx.memo().get(new Visible(ns, suffix), () -> visible(ctx));
    List<Candidate> kept = egress.isEmpty() ? visible : ctx.memo().get(new Imported(ns, suffix, egress.get()),
        () -> visible.stream().filter(c -> EgressListeners.imports(ns, egress.get(), c.merged())).toList());
    List<VirtualService> out = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      diags.addAll(c.diagnostics());
      out.add(c.merged());
    }
    return out;
  }

  private static List<Candidate> visible(ProxyContext ctx) {
    List<VirtualService> candidates = ctx.snapshot().virtualServices()
        .forGateway(RouteContext.MESH_GATEWAY, ctx.proxy().namespace());
    List<VirtualService> delegates = ctx.snapshot().virtualServices().delegates();
    List<String> exportDefault = ctx.meshConfig().defaultVirtualServiceExportTo();
    Set<String> seen = new HashSet<>();
    List<Candidate> out = new ArrayList<>();
    for (VirtualService vs : candidates) {
      if (!seen.add(vs.namespace() + "/" + vs.name())) {
        continue;
      }
      Delegates.Merged merged = Delegates.merge(vs, delegates, exportDefault, ctx.options().domainSuffix());
      out.add(new Candidate(merged.virtualService(), merged.diagnostics()));
    }
    return List.copyOf(out);
  }
}
