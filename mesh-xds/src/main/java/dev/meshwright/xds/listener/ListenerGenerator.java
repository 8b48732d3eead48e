package dev.meshwright.xds.listener;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * LDS for Envoy sidecars, as istiod 1.22.8's {@code BuildListeners} for {@code SidecarProxy}: the per-port outbound
 * listeners, the HTTP proxy listener when a proxy HTTP port is set, {@code virtualOutbound} (port 15001, not under
 * interception NONE) and {@code virtualInbound} (port 15006) with the inbound chains PeerAuthentication shapes. Inbound policy filters come from an
 * {@link InboundFilters} (none by default).
 *
 * <p>Left out compared with istiod: the telemetry filters ({@code istio.stats} network and HTTP filters, from the
 * Telemetry API and the default Prometheus provider), Telemetry-API access logging and tracing providers, Wasm
 * plugins, Unix-socket Sidecar egress listeners (and the per-egress-listener VirtualService
 * filtering), the Mongo/Redis/MySQL protocol filters, HBONE and dual-stack additional
 * addresses. Router proxies (gateways) get
 * nothing from this generator. EnvoyFilter patches are applied afterwards, by {@code XdsGenerator}.
 *
 * <p>The outbound listeners and {@code virtualOutbound} are shared through the snapshot's {@code XdsCache} by
 * proxies with the same {@link OutboundListenerKey}; the inbound listeners by proxies that serve the same ports
 * under the same policies (the key in {@code InboundListeners}).
 *
 * <p>Pure, stateless and thread-safe; never throws for bad config.
 */
public final class ListenerGenerator implements ResourceGenerator {
  private final InboundFilters inboundFilters;

  private ListenerGenerator(InboundFilters inboundFilters) {
    this.inboundFilters = Objects.requireNonNull(inboundFilters, "inboundFilters");
  }

  /** A generator whose inbound chains carry no policy filters. */
  public static ListenerGenerator create() {
    return new ListenerGenerator(InboundFilters.NONE);
  }

  /** A generator whose inbound chains carry {@code inboundFilters}' policy filters. */
  public static ListenerGenerator withInboundFilters(InboundFilters inboundFilters) {
    return new ListenerGenerator(inboundFilters);
  }

  @Override
  public String typeUrl() {
    return TypeUrls.LISTENER;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    if (ctx.proxy().type() != ProxyType.SIDECAR) {
      return Output.of(List.of());
    }
    ProxyMeta meta = new ProxyMeta(ctx);
    if (meta.outboundPort() <= 0) {
      return Output.of(List.of());
    }
    ProxyMetaKey proxy = ProxyMetaKey.of(ctx, meta);
    List<XdsResource> out = new ArrayList<>();
    for (XdsResource r : outbound(ctx, meta, proxy)) {
      if (names.isEmpty() || names.contains(r.name())) {
        out.add(r);
      }
    }
    for (XdsResource r : InboundListeners.resources(ctx, meta, proxy, inboundFilters)) {
      if (names.isEmpty() || names.contains(r.name())) {
        out.add(r);
      }
    }
    return Output.of(out);
  }

  /**
   * The outbound listeners and {@code virtualOutbound} as resources, shared through the snapshot's cache by the
   * proxies that agree on their {@link OutboundListenerKey} (they read nothing of the proxy's inbound side).
   */
  private static List<XdsResource> outbound(ProxyContext ctx, ProxyMeta meta, ProxyMetaKey proxy) {
    return ctx.cache().get(OutboundListenerKey.of(ctx, proxy), () -> {
      List<Listener> ls = new ArrayList<>(new OutboundListeners(ctx, meta).build());
      VirtualOutbound.build(ctx, meta).ifPresent(ls::add);
      List<XdsResource> rs = new ArrayList<>(ls.size());
      for (Listener l : ls) {
        rs.add(XdsResource.of(l.getName(), l));
      }
      return Output.of(rs);
    }).resources();
  }
}
