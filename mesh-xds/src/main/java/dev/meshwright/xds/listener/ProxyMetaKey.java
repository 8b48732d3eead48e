package dev.meshwright.xds.listener;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.XdsOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of every listener cache key that {@link ProxyMeta} stands for: what listener building reads of the proxy
 * itself besides its inbound services and Sidecar. Its type, namespace, labels (tracing tags, TCP/TLS route
 * {@code sourceLabels}), interception mode, IP families (wildcard and localhost binds, passthrough chains), the
 * node metadata listeners read ({@link #METADATA}) and the generator's options; not its IPs or name, so pods of one
 * deployment agree on it. Whoever makes listeners read a further proxy input must add it here. Immutable.
 *
 * @param type the proxy type
 * @param namespace the proxy's namespace
 * @param labels the proxy's labels
 * @param interception {@code INTERCEPTION_MODE}
 * @param ipv4 whether the proxy has an IPv4 address
 * @param ipv6 whether the proxy has an IPv6 address
 * @param metadata the values of the {@link #METADATA} keys the proxy sets
 * @param options the generator's options
 * @param proxyConfig the proxy's effective ProxyConfig (tracing, proxy headers)
 * @param serviceCluster the Envoy node's cluster (the Datadog and OpenTelemetry tracers' service name)
 */
record ProxyMetaKey(ProxyType type, String namespace, Map<String, String> labels, String interception, boolean ipv4,
    boolean ipv6, Map<String, String> metadata, XdsOptions options, dev.meshwright.api.mesh.ProxyConfig proxyConfig,
    String serviceCluster) {

  /** The node metadata keys listeners read (ports, HTTP/1.0, idle timeout, tracing tags). */
  static final List<String> METADATA = List.of("HTTP_PROXY_PORT", "ENVOY_STATUS_PORT", "ENVOY_PROMETHEUS_PORT",
      "IDLE_TIMEOUT", "HTTP10", "MESH_ID", "NAMESPACE", "CLUSTER_ID");

  /** The key of {@code ctx}'s proxy. */
  static ProxyMetaKey of(ProxyContext ctx, ProxyMeta meta) {
    Map<String, String> md = new TreeMap<>();
    for (String k : METADATA) {
      ctx.proxy().meta(k).ifPresent(v -> md.put(k, v));
    }
    return new ProxyMetaKey(ctx.proxy().type(), ctx.proxy().namespace(), ctx.labels(),
        ctx.proxy().interceptionMode(), meta.supportsIpv4(), meta.supportsIpv6(), Map.copyOf(md), ctx.options(),
        meta.proxyConfig(), ctx.proxy().serviceCluster());
  }
}
