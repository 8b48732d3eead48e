package dev.meshwright.xds.cluster;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.networking.ConnectionPoolSettings;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.List;
import java.util.Optional;

/**
 * What every cluster of one proxy starts from (Istio's {@code buildCluster}): name, discovery type, an empty
 * common LB config, DNS settings for DNS clusters (lookup family from the proxy's IPs, the mesh refresh rate,
 * DNS TTL respected), endpoints for STATIC and DNS clusters (none means no cluster), the upstream protocol from
 * the port and the {@code istio.services} metadata. Plus the default connection pool. Pure.
 */
final class ClusterBase {
  private ClusterBase() {}

  static final java.time.Duration DEFAULT_DNS_REFRESH = java.time.Duration.ofSeconds(60);

  /**
   * A cluster draft, or empty when a STATIC or DNS cluster has no endpoints; {@code services} is the
   * {@code istio.services} metadata (empty list: none).
   */
  @SuppressWarnings("deprecation") // dnsRefreshRate and respectDnsTtl are what istiod 1.22 sends
  static Optional<ClusterDraft> build(ProxyContext ctx, String name, Cluster.DiscoveryType type,
      List<LocalityGroup> endpoints, ServicePort port, List<com.google.protobuf.Value> services) {
    Cluster.Builder c = Cluster.newBuilder().setName(name).setType(type)
        .setCommonLbConfig(Cluster.CommonLbConfig.getDefaultInstance());
    ClusterDraft d = new ClusterDraft(c);
    switch (type) {
      case STRICT_DNS, LOGICAL_DNS -> {
        c.setDnsLookupFamily(lookupFamily(ctx.proxy().ipAddresses()));
        c.setDnsRefreshRate(Clusters.duration(ctx.meshConfig().dnsRefreshRate().orElse(DEFAULT_DNS_REFRESH)));
        c.setRespectDnsTtl(true);
        if (endpoints.isEmpty()) {
          return Optional.empty();
        }
        d.assignment = new java.util.ArrayList<>(endpoints);
      }
      case STATIC -> {
        if (endpoints.isEmpty()) {
          return Optional.empty();
        }
        d.assignment = new java.util.ArrayList<>(endpoints);
      }
      default -> { }
    }
    if (isHttp2(port.protocol())) {
      d.useHttp2();
    } else if (ctx.proxy().type() == ProxyType.SIDECAR && port.autoDetect()) {
      d.useDownstreamProtocol();
    }
    if (!services.isEmpty()) {
      c.setMetadata(Clusters.servicesMetadata(services));
    }
    return Optional.of(d);
  }

  static boolean isHttp2(Protocol p) {
    return p == Protocol.HTTP2 || p == Protocol.GRPC || p == Protocol.GRPC_WEB;
  }

  static Cluster.DnsLookupFamily lookupFamily(List<String> ips) {
    boolean allV6 = !ips.isEmpty() && ips.stream().allMatch(ip -> ip.indexOf(':') >= 0);
    return allV6 ? Cluster.DnsLookupFamily.V6_ONLY : Cluster.DnsLookupFamily.V4_ONLY;
  }

  /** The discovery type of a service's clusters (Istio's {@code convertResolution}). */
  static Cluster.DiscoveryType discoveryType(ProxyType proxy, MeshService s) {
    return switch (s.resolution()) {
      case DNS -> Cluster.DiscoveryType.STRICT_DNS;
      case DNS_ROUND_ROBIN -> Cluster.DiscoveryType.LOGICAL_DNS;
      case PASSTHROUGH -> proxy == ProxyType.ROUTER ? Cluster.DiscoveryType.EDS : Cluster.DiscoveryType.ORIGINAL_DST;
      default -> Cluster.DiscoveryType.EDS;
    };
  }

  /** The connection pool (a default one when unset); returns nothing, mutates {@code d}. */
  static void connectionPool(ClusterDraft d, MeshConfig mesh, Optional<ConnectionPoolSettings> pool) {
    ConnectionPools.apply(d, mesh, pool);
  }
}
