package dev.meshwright.xds;

import dev.meshwright.model.snapshot.MeshSnapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code MeshSnapshot x Proxy -> XdsResources}: what istiod 1.22.8 would send one proxy. Picks the Envoy
 * generators for sidecars and gateways, or the proxyless gRPC ones for {@code GENERATOR=grpc} nodes, runs them in
 * push order (clusters, endpoints, listeners, routes, secrets), runs its {@link ResourcePatches} (istiod's EnvoyFilters,
 * wired by {@code Istiod}) on the clusters, listeners and routes, resolves wildcard RDS/EDS to the names the
 * listeners and clusters refer to, runs any further types (Istio's NDS name table) after those, then the output
 * checks. Proxies with the same inputs share generated resources through the snapshot's {@link XdsCache} unless
 * {@link #withCaching} turns that off; the output is the same either way. Pure and thread-safe.
 */
public final class XdsGenerator {
  private final XdsOptions options;
  private final Map<String, ResourceGenerator> envoy;
  private final Map<String, ResourceGenerator> grpc;
  private final OutputCheck checks;
  private final XdsCache.Caching caching;
  private final ResourcePatches patches;

  private XdsGenerator(XdsOptions options, Map<String, ResourceGenerator> envoy, Map<String, ResourceGenerator> grpc,
      OutputCheck checks, XdsCache.Caching caching, ResourcePatches patches) {
    this.options = Objects.requireNonNull(options, "options");
    this.envoy = envoy;
    this.grpc = grpc;
    this.checks = Objects.requireNonNull(checks, "checks");
    this.caching = Objects.requireNonNull(caching, "caching");
    this.patches = Objects.requireNonNull(patches, "patches");
  }

  /** The last step of generation: checks the output and returns what may be sent (see {@code xds.check}). */
  @FunctionalInterface
  public interface OutputCheck {
    /** {@code out} as it may be sent, for {@code subscriptions}. */
    XdsResources apply(XdsResources out, Subscriptions subscriptions);

    /** No checks. */
    static OutputCheck none() {
      return (out, subs) -> out;
    }
  }

  private static Map<String, ResourceGenerator> byType(List<ResourceGenerator> gens) {
    Map<String, ResourceGenerator> out = new LinkedHashMap<>();
    gens.forEach(g -> out.put(g.typeUrl(), g));
    return Map.copyOf(out);
  }

  /** A generator from explicit parts (tests, or a platform that adds its own). */
  public static XdsGenerator of(XdsOptions options, List<ResourceGenerator> envoy, List<ResourceGenerator> grpc,
      OutputCheck checks) {
    return new XdsGenerator(options, byType(envoy), byType(grpc), checks, XdsCache.Caching.SHARED,
        ResourcePatches.NONE);
  }

  /** A generator whose final step is a plain function of the output. */
  public static XdsGenerator of(XdsOptions options, List<ResourceGenerator> envoy, List<ResourceGenerator> grpc,
      java.util.function.UnaryOperator<XdsResources> checks) {
    return new XdsGenerator(options, byType(envoy), byType(grpc), (out, subs) -> checks.apply(out),
        XdsCache.Caching.SHARED, ResourcePatches.NONE);
  }

  /**
   * This generator with proxies sharing cached resources ({@link XdsCache.Caching#SHARED}, the default) or not
   * ({@link XdsCache.Caching#OFF}: every call generates afresh, as benchmarks of generation need).
   */
  public XdsGenerator withCaching(XdsCache.Caching value) {
    return new XdsGenerator(options, envoy, grpc, checks, value, patches);
  }

  /** This generator with {@code value} patching each proxy's resources before the checks (none by default). */
  public XdsGenerator withPatches(ResourcePatches value) {
    return new XdsGenerator(options, envoy, grpc, checks, caching, value);
  }

  /** The options this generator was built with. */
  public XdsOptions options() {
    return options;
  }

  /** Everything the proxy would receive unasked (wildcard for every type). */
  public XdsResources generate(MeshSnapshot snapshot, Proxy proxy) {
    return generate(snapshot, proxy, Subscriptions.all());
  }

  /** What the proxy receives for these subscriptions. */
  public XdsResources generate(MeshSnapshot snapshot, Proxy proxy, Subscriptions subscriptions) {
    ProxyContext ctx = ProxyContext.of(snapshot, proxy, options, caching);
    Map<String, ResourceGenerator> gens = proxy.isProxylessGrpc() ? grpc : envoy;
    XdsResources.Builder out = XdsResources.builder();
    ResourcePatches.Patcher patcher = patches.forProxy(ctx);
    out.diagnostics(patcher.diagnostics());
    Set<String> cds = subscriptions.names(TypeUrls.CLUSTER).orElse(Set.of());
    run(gens.get(TypeUrls.CLUSTER), ctx, cds, out);
    patcher.patch(TypeUrls.CLUSTER, cds, out);
    Set<String> eds = subscriptions.names(TypeUrls.ENDPOINT).orElseGet(() -> References.edsNames(
        out.of(TypeUrls.CLUSTER).values().stream().map(r -> (Cluster) r.message()).toList()));
    run(gens.get(TypeUrls.ENDPOINT), ctx, eds, out);
    Set<String> lds = subscriptions.names(TypeUrls.LISTENER).orElse(Set.of());
    run(gens.get(TypeUrls.LISTENER), ctx, lds, out);
    patcher.patch(TypeUrls.LISTENER, lds, out);
    Set<String> rds = subscriptions.names(TypeUrls.ROUTE).orElseGet(() -> References.routeNames(
        out.of(TypeUrls.LISTENER).values().stream().map(r -> (Listener) r.message()).toList()));
    run(gens.get(TypeUrls.ROUTE), ctx, rds, out);
    patcher.patch(TypeUrls.ROUTE, rds, out);
    subscriptions.names(TypeUrls.SECRET)
        .ifPresent(names -> run(gens.get(TypeUrls.SECRET), ctx, names, out));
    for (ResourceGenerator g : gens.values()) {
      if (!TypeUrls.PUSH_ORDER.contains(g.typeUrl())) {
        ResourceGenerator.Output o = g.generate(ctx, subscriptions.names(g.typeUrl()).orElse(Set.of()));
        out.addAll(o.resources());
        out.diagnostics(o.diagnostics());
      }
    }
    return checks.apply(out.build(), subscriptions);
  }

  /**
   * Only the ClusterLoadAssignments named {@code clusterNames} (istiod's incremental EDS push): nothing else is
   * generated, and the checks see an EDS-only output subscribed by name.
   */
  public XdsResources endpoints(MeshSnapshot snapshot, Proxy proxy, Set<String> clusterNames) {
    if (clusterNames.isEmpty()) {
      return XdsResources.empty();
    }
    ProxyContext ctx = ProxyContext.of(snapshot, proxy, options);
    XdsResources.Builder out = XdsResources.builder();
    run((proxy.isProxylessGrpc() ? grpc : envoy).get(TypeUrls.ENDPOINT), ctx, clusterNames, out);
    return checks.apply(out.build(), Subscriptions.all().with(TypeUrls.ENDPOINT, clusterNames)
        .with(TypeUrls.CLUSTER, Set.of()).with(TypeUrls.LISTENER, Set.of()).with(TypeUrls.ROUTE, Set.of()));
  }

  private static void run(ResourceGenerator g, ProxyContext ctx, Set<String> names, XdsResources.Builder out) {
    if (g == null) {
      return;
    }
    if (!names.isEmpty() || isWildcardType(g.typeUrl())) {
      ResourceGenerator.Output o = g.generate(ctx, names);
      out.addAll(o.resources());
      out.diagnostics(o.diagnostics());
    }
  }

  private static boolean isWildcardType(String typeUrl) {
    return typeUrl.equals(TypeUrls.CLUSTER) || typeUrl.equals(TypeUrls.LISTENER);
  }
}
