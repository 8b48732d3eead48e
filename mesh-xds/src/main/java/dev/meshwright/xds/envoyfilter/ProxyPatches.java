package dev.meshwright.xds.envoyfilter;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.EnvoyFilter;
import dev.meshwright.api.networking.EnvoyFilterProxyMatch;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.model.snapshot.EnvoyFilterIndex;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourcePatches;
import dev.meshwright.xds.SnapshotMemo;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResources;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EnvoyFilter patches one proxy gets (istiod's {@code PushContext.EnvoyFilters(proxy)}): the EnvoyFilters the
 * snapshot's {@link EnvoyFilterIndex} selects for the proxy's namespace and labels, in their order, each one's
 * patches in order, keeping those whose {@code match.proxy} (version regex, found anywhere in {@code ISTIO_VERSION};
 * metadata entries equal) fits the proxy, grouped by {@code applyTo}. EnvoyFilters whose values do not parse give
 * no patches and a diagnostic. Patch values are compiled once per snapshot. Proxyless gRPC clients get none
 * (istiod's gRPC generator ignores EnvoyFilters). As a {@link ResourcePatches.Patcher} it hands each xDS type to
 * {@link EnvoyFilterPatcher}. Immutable (what it patches is the caller's builder); thread-safe.
 */
final class ProxyPatches implements ResourcePatches.Patcher {
  private final ProxyContext ctx;
  private final Map<ApplyTo, List<Patch>> byApplyTo;
  private final List<Diagnostic> diagnostics;

  private ProxyPatches(ProxyContext ctx, Map<ApplyTo, List<Patch>> byApplyTo, List<Diagnostic> diagnostics) {
    this.ctx = ctx;
    this.byApplyTo = byApplyTo;
    this.diagnostics = diagnostics;
  }

  /** The memo key of one snapshot's compiled EnvoyFilters, by {@code namespace/name}. */
  private record CompiledFilters() {}

  /** The patches of {@code ctx}'s proxy; {@code Patcher.NONE} at no cost when the snapshot has no EnvoyFilters. */
  static ResourcePatches.Patcher of(ProxyContext ctx) {
    EnvoyFilterIndex index = ctx.snapshot().envoyFilters();
    if (index.isEmpty() || ctx.proxy().isProxylessGrpc()) {
      return ResourcePatches.Patcher.NONE;
    }
    List<EnvoyFilter> selected = index.select(ctx.proxy().namespace(), ctx.proxy().labels());
    if (selected.isEmpty()) {
      return ResourcePatches.Patcher.NONE;
    }
    SnapshotMemo memo = ctx.memo();
    Map<String, PatchCompiler.Compiled> compiled = memo.get(new CompiledFilters(), ConcurrentHashMap::new);
    Map<ApplyTo, List<Patch>> out = new EnumMap<>(ApplyTo.class);
    List<Diagnostic> diags = new ArrayList<>();
    for (EnvoyFilter f : selected) {
      PatchCompiler.Compiled c = compiled.computeIfAbsent(f.namespace() + "/" + f.name(),
          k -> PatchCompiler.compile(f));
      diags.addAll(c.diagnostics());
      for (Patch p : c.patches()) {
        if (proxyMatches(ctx.proxy(), p)) {
          out.computeIfAbsent(p.applyTo(), k -> new ArrayList<>()).add(p);
        }
      }
    }
    if (out.isEmpty() && diags.isEmpty()) {
      return ResourcePatches.Patcher.NONE;
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return new ProxyPatches(ctx, out, List.copyOf(diags));
  }

  @Override
  public void patch(String typeUrl, Set<String> names, XdsResources.Builder out) {
    switch (typeUrl) {
      case TypeUrls.CLUSTER -> EnvoyFilterPatcher.clusters(ctx, this, out, names.isEmpty());
      case TypeUrls.LISTENER -> EnvoyFilterPatcher.listeners(ctx, this, out, names.isEmpty());
      case TypeUrls.ROUTE -> EnvoyFilterPatcher.routes(ctx, this, out);
      default -> { }
    }
  }

  static boolean proxyMatches(Proxy proxy, Patch p) {
    Optional<EnvoyFilterProxyMatch> m = p.match().proxy();
    if (m.isEmpty()) {
      return true;
    }
    if (p.proxyVersion().isPresent()) {
      Optional<String> version = proxy.istioVersion();
      if (version.isEmpty() || !p.proxyVersion().get().matcher(version.get()).find()) {
        return false;
      }
    }
    for (Map.Entry<String, String> e : m.get().metadata().entrySet()) {
      if (!e.getValue().equals(proxy.metadata().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether any patch applies to one of these kinds. */
  boolean any(ApplyTo... kinds) {
    for (ApplyTo k : kinds) {
      if (byApplyTo.containsKey(k)) {
        return true;
      }
    }
    return false;
  }

  /** The patches for one kind of object, in order. */
  List<Patch> get(ApplyTo kind) {
    return byApplyTo.getOrDefault(kind, List.of());
  }

  /** Problems with the selected EnvoyFilters (values that did not parse). */
  @Override
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
