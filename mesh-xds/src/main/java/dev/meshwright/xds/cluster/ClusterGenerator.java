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
 * one inbound passthrough cluster per IP family; routers get the outbound clusters and {@code BlackHoleCluster}.
 * CDS is a wildcard type: with names, only those clusters are returned. A service whose clusters cannot be built
 * is left out with a diagnostic. Stateless and thread-safe.
 */
public final class ClusterGenerator implements ResourceGenerator {
  @Override
  public String typeUrl() {
    return TypeUrls.CLUSTER;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Cluster> out = new LinkedHashMap<>();
    for (MeshService svc : ctx.scope().services()) {
      if (svc.resolution() == MeshService.Resolution.ALIAS) {
        continue;
      }
      for (ServicePort port : svc.ports()) {
        if (!OutboundClusters.hasClusters(port)) {
          continue;
        }
        try {
          List<String> problems = new ArrayList<>();
          OutboundClusters.build(ctx, svc, port, problems).forEach(c -> out.putIfAbsent(c.getName(), c));
          problems.forEach(p -> diagnostics.add(Diagnostic.warning("", p)));
        } catch (RuntimeException e) {
          diagnostics.add(Diagnostic.error("", "cluster " + ClusterNames.outbound(port.port(), svc.hostname())
              + " not generated: " + e).withResource(
              svc.origin() == MeshService.Origin.KUBERNETES ? "Service" : "ServiceEntry", svc.namespace(), svc.name()));
        }
      }
    }
    Duration timeout = ConnectionPools.meshConnectTimeout(ctx.meshConfig());
    add(out, Clusters.blackHole(timeout));
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
        resources.add(XdsResource.of(name, c));
      }
    });
    return new Output(resources, diagnostics);
  }

  private static void add(Map<String, Cluster> out, Cluster c) {
    out.putIfAbsent(c.getName(), c);
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
