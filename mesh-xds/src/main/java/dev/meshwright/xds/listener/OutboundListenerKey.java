package dev.meshwright.xds.listener;

import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a sidecar's outbound listeners and {@code virtualOutbound} read besides the snapshot, as the key they
 * are shared under in the snapshot's {@code XdsCache}: the proxy's {@link ProxyMetaKey} and the Sidecar that scopes
 * it (with the namespace: the imported services, DestinationRule and VirtualService visibility). The proxy's own
 * IP matters only where a headless service has an endpoint at that address (that endpoint gets no listener of its
 * own), so it is part of the key only then: pods of one deployment share their outbound listeners.
 *
 * <p>Whoever makes outbound listeners read a further proxy input must add it here. Immutable.
 *
 * @param proxy what listeners read of the proxy itself
 * @param sidecar the Sidecar selecting the proxy, if any
 * @param headlessSelf the proxy's IP when a headless service has an endpoint there, else empty
 */
record OutboundListenerKey(ProxyMetaKey proxy, Optional<Sidecar> sidecar, String headlessSelf) {

  /** Memo key: the addresses of every endpoint of a headless (passthrough) service in the snapshot. */
  private record HeadlessAddresses() {}

  /** The key of {@code ctx}'s proxy, whose {@link ProxyMetaKey} is {@code proxy}. */
  static OutboundListenerKey of(ProxyContext ctx, ProxyMetaKey proxy) {
    Set<String> headless = ctx.memo().get(new HeadlessAddresses(), () -> headlessAddresses(ctx.snapshot()));
    String self = headless.contains(ctx.proxy().ip()) ? ctx.proxy().ip() : "";
    return new OutboundListenerKey(proxy, ctx.scope().sidecar(), self);
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
