package dev.meshwright.xds.listener;

import dev.meshwright.xds.cluster.ClusterNames;
import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.mesh.OutboundTrafficPolicy;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.PortSelector;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import dev.meshwright.xds.telemetry.AccessLogs;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.List;
import java.util.Optional;

/**
 * The {@code virtualOutbound} listener (listener_builder.go › buildVirtualOutboundListener) and the catch-all TCP
 * filters unmatched outbound traffic gets: {@code PassthroughCluster} (or the egress proxy) under ALLOW_ANY,
 * {@code BlackHoleCluster} under REGISTRY_ONLY, the Sidecar's {@code outboundTrafficPolicy} winning over the mesh's.
 * Pure.
 */
final class VirtualOutbound {
  private VirtualOutbound() {}

  /** Whether unknown destinations pass through, and to which egress proxy. */
  record Policy(boolean allowAny, Optional<Destination> egressProxy) {}

  /** The Sidecar's outbound policy if it sets one, else the mesh's (ALLOW_ANY when unset). */
  static Policy policy(ProxyContext ctx) {
    Optional<dev.meshwright.api.networking.OutboundTrafficPolicy> sidecar = ctx.scope().sidecar().map(Sidecar::spec)
        .flatMap(s -> s.outboundTrafficPolicy());
    if (sidecar.isPresent()) {
      boolean allow = sidecar.get().mode().map(m -> m == dev.meshwright.api.networking.OutboundTrafficPolicy.Mode.ALLOW_ANY)
          .orElse(false);
      return new Policy(allow, sidecar.get().egressProxy());
    }
    boolean allow = ctx.meshConfig().outboundTrafficPolicy()
        .map(p -> p.mode().orElse(OutboundTrafficPolicy.Mode.REGISTRY_ONLY) == OutboundTrafficPolicy.Mode.ALLOW_ANY)
        .orElse(true);
    return new Policy(allow, Optional.empty());
  }

  /** Where unmatched outbound traffic goes. */
  static String catchAllCluster(ProxyContext ctx) {
    Policy p = policy(ctx);
    if (!p.allowAny()) {
      return Names.BLACKHOLE_CLUSTER;
    }
    return p.egressProxy().map(VirtualOutbound::egressCluster).orElse(Names.PASSTHROUGH_CLUSTER);
  }

  private static String egressCluster(Destination d) {
    return ClusterNames.outbound(d.port().flatMap(PortSelector::number).orElse(0), d.subset().orElse(""),
        d.host().orElse(""));
  }

  /**
   * The catch-all filters: the outbound telemetry filters, then the TCP proxy (idle timeout from
   * {@code IDLE_TIMEOUT}, the mesh file access log).
   */
  static List<Filter> catchAllFilters(ProxyContext ctx, ProxyMeta meta) {
    TcpProxy.Builder tcp = Listeners.tcpProxy(catchAllCluster(ctx)).toBuilder();
    meta.idleTimeout().ifPresent(tcp::setIdleTimeout);
    tcp.addAllAccessLog(AccessLogs.connection(ctx, ListenerClass.SIDECAR_OUTBOUND));
    return TelemetryFilters.tcpStack(ctx, ListenerClass.SIDECAR_OUTBOUND,
        Listeners.tcpProxyFilter(tcp.build()));
  }

  /** {@code virtualOutbound}, or empty under interception NONE. */
  static Optional<Listener> build(ProxyContext ctx, ProxyMeta meta) {
    if (meta.interception() == ProxyMeta.Interception.NONE) {
      return Optional.empty();
    }
    Listener.Builder l = Listener.newBuilder().setName(Names.VIRTUAL_OUTBOUND)
        .setAddress(Listeners.socketAddress(meta.wildcard(), meta.outboundPort()))
        .setUseOriginalDst(BoolValue.of(true))
        .setTrafficDirection(TrafficDirection.OUTBOUND)
        .addFilterChains(FilterChain.newBuilder().setName(Names.VIRTUAL_OUTBOUND_BLACKHOLE)
            .setFilterChainMatch(FilterChainMatch.newBuilder().setDestinationPort(UInt32Value.of(meta.outboundPort())))
            .addAllFilters(TelemetryFilters.tcp(ctx, ListenerClass.SIDECAR_OUTBOUND))
            .addFilters(Listeners.tcpProxyFilter(Listeners.tcpProxy(Names.BLACKHOLE_CLUSTER))))
        .addFilterChains(FilterChain.newBuilder().setName(Names.VIRTUAL_OUTBOUND_CATCHALL_TCP)
            .addAllFilters(catchAllFilters(ctx, meta)));
    if (meta.interception() == ProxyMeta.Interception.TPROXY) {
      l.setTransparent(BoolValue.of(true));
    }
    l.addAllAccessLog(AccessLogs.listener(ctx, ListenerClass.SIDECAR_OUTBOUND));
    return Optional.of(l.build());
  }
}
