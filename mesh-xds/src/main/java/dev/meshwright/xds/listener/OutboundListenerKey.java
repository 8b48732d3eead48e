package dev.meshwright.xds.listener;

import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.XdsOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a sidecar's outbound listeners and {@code virtualOutbound} read besides the snapshot, as the key they
 * are shared under in the snapshot's {@code XdsCache}: the Sidecar that scopes the proxy and its namespace (the
 * imported services, DestinationRule and VirtualService visibility), its labels (TCP/TLS route
 * {@code sourceLabels}, tracing tags), interception mode, IP families (wildcard and localhost binds), the node
 * metadata the listeners read ({@link #METADATA}) and the generator's options. The proxy's own IP matters only
 * where a headless service has an endpoint at that address (that endpoint gets no listener of its own), so it is
 * part of the key only then: pods of one deployment share their outbound listeners.
 *
 * <p>Whoever makes outbound listeners read a further proxy input must add it here. Immutable.
 *
 * @param type the proxy type
 * @param sidecar the Sidecar selecting the proxy, if any
 * @param namespace the proxy's namespace
 * @param labels the proxy's labels
 * @param interception {@code INTERCEPTION_MODE}
 * @param ipv4 whether the proxy has an IPv4 address
 * @param ipv6 whether the proxy has an IPv6 address
 * @param headlessSelf the proxy's IP when a headless service has an endpoint there, else empty
 * @param metadata the values of the {@link #METADATA} keys the proxy sets
 * @param options the generator's options
 */
record OutboundListenerKey(ProxyType type, Optional<Sidecar> sidecar, String namespace, Map<String, String> labels,
    String interception, boolean ipv4, boolean ipv6, String headlessSelf, Map<String, String> metadata,
    XdsOptions options) {

  /** The node metadata keys outbound listeners read (ports, HTTP/1.0, idle timeout, tracing tags). */
  static final List<String> METADATA = List.of("HTTP_PROXY_PORT", "ENVOY_STATUS_PORT", "ENVOY_PROMETHEUS_PORT",
      "IDLE_TIMEOUT", "HTTP10", "MESH_ID", "NAMESPACE", "CLUSTER_ID");

  /** Memo key: the addresses of every endpoint of a headless (passthrough) service in the snapshot. */
  private record HeadlessAddresses() {}

  /** The key of {@code ctx}'s proxy. */
  static OutboundListenerKey of(ProxyContext ctx, ProxyMeta meta) {
    Map<String, String> md = new TreeMap<>();
    for (String k : METADATA) {
      ctx.proxy().meta(k).ifPresent(v -> md.put(k, v));
    }
    Set<String> headless = ctx.memo().get(new HeadlessAddresses(), () -> headlessAddresses(ctx.snapshot()));
    String self = headless.contains(ctx.proxy().ip()) ? ctx.proxy().ip() : "";
    return new OutboundListenerKey(ctx.proxy().type(), ctx.scope().sidecar(), ctx.proxy().namespace(), ctx.labels(),
        ctx.proxy().interceptionMode(), meta.supportsIpv4(), meta.supportsIpv6(), self, Map.copyOf(md),
        ctx.options());
  }

  private static Set<String> headlessAddresses(MeshSnapshot snapshot) {
    Set<String> out = new HashSet<>();
    for (MeshService s : snapshot.registry().services()) {
      if (s.resolution() == MeshService.Resolution.PASSTHROUGH) {
        for (Endpoint e : snapshot.registry().endpoints(s.hostname())) {
          out.add(e.address());
        }
      }
    }
    return Set.copyOf(out);
  }
}
