package dev.meshwright.xds.cluster;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.XdsOptions;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Locality;
import java.util.Map;
import java.util.Optional;

/**
 * What outbound clusters and endpoints read of the proxy, besides the service they are for: its type, namespace
 * (DestinationRule visibility) and labels (DestinationRule workload selectors, locality failover priorities), its
 * locality, the IP family of its DNS lookups, its client certificate files and the generator's options. Part of
 * every cache key of this package: proxies that agree on these facts get the same outbound clusters and endpoints.
 * Immutable.
 *
 * @param type the proxy type
 * @param namespace the proxy's namespace
 * @param labels the proxy's labels
 * @param locality the proxy's locality ({@link Localities#ofProxy})
 * @param family the DNS lookup family its IPs imply
 * @param certs the {@code TLS_CLIENT_*} certificate files from its metadata
 * @param options the generator's options (cluster ID in endpoint metadata)
 */
public record ProxyFacts(ProxyType type, String namespace, Map<String, String> labels, Locality locality,
    Cluster.DnsLookupFamily family, Optional<?> certs, XdsOptions options) {

  /** The facts of {@code ctx}'s proxy. */
  public static ProxyFacts of(ProxyContext ctx) {
    return new ProxyFacts(ctx.proxy().type(), ctx.proxy().namespace(), ctx.labels(), Localities.ofProxy(ctx),
        ClusterBase.lookupFamily(ctx.proxy().ipAddresses()), OutboundClusters.fileCerts(ctx), ctx.options());
  }
}
