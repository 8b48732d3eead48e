package dev.meshwright.xds.cluster;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CDS for Envoy sidecars and gateways, as istiod 1.22.8 builds it. Sidecars get, for every service their Sidecar
 * scope imports and every non-UDP port, {@code outbound|port||host} plus one cluster per DestinationRule subset,
 * then {@code BlackHoleCluster}, {@code PassthroughCluster}, their inbound clusters ({@code inbound|port||}) and
 * one inbound passthrough cluster per IP family; routers get the outbound clusters and {@code BlackHoleCluster},
 * plus the SNI-DNAT clusters {@code outbound_.port_.subset_.host} of in-mesh services (no client TLS) when one of
 * their Gateway servers is AUTO_PASSTHROUGH.
 * CDS is a wildcard type: with names, only those clusters are returned. A service whose clusters cannot be built
 * is left out with a diagnostic. Stateless and thread-safe.
 */
public final class ClusterGenerator implements ResourceGenerator {
  private final java.util.function.Predicate<ProxyContext> sniDnat;

  /** Clusters without the SNI-DNAT set (no gateway AUTO_PASSTHROUGH servers are looked at). */
  public ClusterGenerator() {
    this(ctx -> false);
  }

  /**
   * Clusters plus, for routers for which {@code sniDnat} holds (istiod: a selected Gateway has an AUTO_PASSTHROUGH
   * server), the SNI-DNAT clusters. The predicate comes from the gateway package, which depends on this one.
   */
  public ClusterGenerator(java.util.function.Predicate<ProxyContext> sniDnat) {
    this.sniDnat = java.util.Objects.requireNonNull(sniDnat, "sniDnat");
  }

  @Override
  public String typeUrl() {
    return TypeUrls.CLUSTER;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, XdsResource> out = new LinkedHashMap<>();
    ProxyFacts facts = ProxyFacts.of(ctx);
    outbound(ctx, facts, OutboundClusters.Mode.DEFAULT, out, diagnostics);
    Duration timeout = ConnectionPools.meshConnectTimeout(ctx.meshConfig());
    add(out, Clusters.blackHole(timeout));
    if (ctx.proxy().type() == ProxyType.ROUTER && sniDnat.test(ctx)) {
      outbound(ctx, facts, OutboundClusters.Mode.SNI_DNAT, out, diagnostics);
    }
    if (ctx.proxy().type() == ProxyType.SIDECAR) {
      add(out, Clusters.passthrough(timeout, ConnectionPools.meshKeepalive(ctx.meshConfig())));
      try {
        InboundClusters.build(ctx).forEach(c -> add(out, c));
      } catch (RuntimeException e) {
        diagnostics.add(Diagnostic.error("", "inbound clusters not generated: " + e));
      }
      inboundPassthrough(ctx, timeout).forEach(c -> add(out, c));
    }
    List<XdsResource> resources = new ArrayList<>();
    out.forEach((name, c) -> {
      if (names.isEmpty() || names.contains(name)) {
        resources.add(c);
      }
    });
    return new Output(resources, diagnostics);
  }

  /**
   * Everything an outbound cluster of one service port depends on besides the snapshot: two proxies with the same
   * key get the same clusters ({@link dev.meshwright.xds.XdsCache}).
   */
  private record OutboundKey(MeshService svc, ServicePort port, OutboundClusters.Mode mode, ProxyFacts facts) {}

  private static void outbound(ProxyContext ctx, ProxyFacts facts, OutboundClusters.Mode mode,
      Map<String, XdsResource> out, List<Diagnostic> diagnostics) {
    for (MeshService svc : ctx.scope().services()) {
      boolean skip = svc.resolution() == MeshService.Resolution.ALIAS
          || (mode == OutboundClusters.Mode.SNI_DNAT && svc.location() == MeshService.Location.MESH_EXTERNAL);
      if (skip) {
        continue;
      }
      for (ServicePort port : svc.ports()) {
        if (!OutboundClusters.hasClusters(port)) {
          continue;
        }
        Output o = ctx.cache().get(new OutboundKey(svc, port, mode, facts), () -> outbound(ctx, svc, port, mode));
        o.resources().forEach(r -> out.putIfAbsent(r.name(), r));
        diagnostics.addAll(o.diagnostics());
      }
    }
  }

  private static Output outbound(ProxyContext ctx, MeshService svc, ServicePort port, OutboundClusters.Mode mode) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<XdsResource> resources = new ArrayList<>();
    try {
      List<String> problems = new ArrayList<>();
      OutboundClusters.build(ctx, svc, port, mode, problems).forEach(c -> resources.add(XdsResource.of(c.getName(), c)));
      problems.forEach(p -> diagnostics.add(Diagnostic.warning("", p)));
    } catch (RuntimeException e) {
      diagnostics.add(Diagnostic.error("", "cluster " + ClusterNames.outbound(port.port(), svc.hostname())
          + " not generated: " + e).withResource(
          svc.origin() == MeshService.Origin.KUBERNETES ? "Service" : "ServiceEntry", svc.namespace(), svc.name()));
    }
    return new Output(resources, diagnostics);
  }

  private static void add(Map<String, XdsResource> out, Cluster c) {
    if (!out.containsKey(c.getName())) {
      out.put(c.getName(), XdsResource.of(c.getName(), c));
    }
  }

  /** One inbound passthrough cluster per IP family the proxy has an address in. */
  static List<Cluster> inboundPassthrough(ProxyContext ctx, Duration timeout) {
    List<Cluster> out = new ArrayList<>();
    boolean v4 = ctx.proxy().ipAddresses().stream().anyMatch(ip -> ip.indexOf(':') < 0);
    boolean v6 = ctx.proxy().ipAddresses().stream().anyMatch(ip -> ip.indexOf(':') >= 0);
    var keepalive = ConnectionPools.meshKeepalive(ctx.meshConfig());
    if (v4) {
      out.add(Clusters.inboundPassthrough(ClusterNames.INBOUND_PASSTHROUGH_IPV4, Clusters.INBOUND_PASSTHROUGH_BIND_IPV4,
          timeout, keepalive));
    }
    if (v6) {
      out.add(Clusters.inboundPassthrough(ClusterNames.INBOUND_PASSTHROUGH_IPV6, Clusters.INBOUND_PASSTHROUGH_BIND_IPV6,
          timeout, keepalive));
    }
    return out;
  }
}
