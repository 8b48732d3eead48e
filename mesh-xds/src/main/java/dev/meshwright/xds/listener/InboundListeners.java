package dev.meshwright.xds.listener;

import dev.meshwright.xds.cluster.ClusterNames;
import com.google.protobuf.BoolValue;
import dev.meshwright.api.networking.CaptureMode;
import dev.meshwright.api.networking.IstioIngressListener;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.listener.PeerAuthentications.Effective;
import dev.meshwright.xds.listener.PeerAuthentications.Mode;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import dev.meshwright.xds.telemetry.AccessLogs;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sidecar's inbound side (listener_inbound.go): one chain set per inbound port (the ports of the services the
 * workload serves, or the Sidecar's ingress listeners when it has some), each shaped by the port's composed mTLS
 * mode, gathered into {@code virtualInbound} after the blackhole and passthrough chains; ports bound for real
 * (capture mode NONE) get listeners {@code <bind>_<port>} of their own. They are shared through the snapshot's
 * cache by proxies whose inbound inputs agree ({@link Key}). Pure.
 */
final class InboundListeners {
  private InboundListeners() {}

  /**
   * Everything the inbound listeners are built from besides the mesh config, as the key they are shared under in
   * the snapshot's cache: what they read of the proxy itself, its inbound ports (from its service instances or its
   * Sidecar's ingress listeners), its composed PeerAuthentication modes and its policy filters. Pods of one
   * deployment agree on all of it. Immutable.
   */
  private record Key(ProxyMetaKey proxy, List<InboundChains.Config> configs, Effective peer, List<HttpFilter> http,
      List<Filter> tcp) {}

  /**
   * {@code virtualInbound} and the inbound listeners bound for real, as resources: the per-proxy inputs are worked
   * out here, the listeners are built (and serialized) once per distinct {@link Key} through {@code ctx}'s cache.
   */
  static List<XdsResource> resources(ProxyContext ctx, ProxyMeta meta, ProxyMetaKey proxy, InboundFilters authz) {
    Effective peer = PeerAuthentications.of(ctx);
    Key key = new Key(proxy, configs(ctx, meta), peer, authz.http(ctx), authz.tcp(ctx));
    return ctx.cache().get(key, () -> {
      List<Listener> ls = build(meta, key);
      List<XdsResource> out = new ArrayList<>(ls.size());
      for (Listener l : ls) {
        out.add(XdsResource.of(l.getName(), l));
      }
      return ResourceGenerator.Output.of(out);
    }).resources();
  }

  private static List<Listener> build(ProxyMeta meta, Key key) {
    Effective peer = key.peer();
    InboundChains.Context cctx = new InboundChains.Context(meta, key.http(), key.tcp());
    List<InboundChains.Config> configs = key.configs();
    List<FilterChain> virtualChains = new ArrayList<>();
    List<Listener> out = new ArrayList<>();
    for (InboundChains.Config cc : configs) {
      Mode mode = peer.forPort(cc.targetPort());
      List<FilterChain> chains = InboundChains.build(cctx, cc, mode,
          InboundMatchOptions.of(mode, ChainProtocol.of(cc.protocol())));
      if (cc.bindToPort()) {
        out.add(listener(meta, Names.listener(cc.bind(), cc.targetPort()), cc.bind(), cc.targetPort(), true, chains));
      } else {
        virtualChains.addAll(chains);
      }
    }
    if (meta.interception() != ProxyMeta.Interception.NONE) {
      List<FilterChain> all = new ArrayList<>(passthroughChains(meta, cctx, peer, configs));
      all.addAll(virtualChains);
      out.add(0, listener(meta, Names.VIRTUAL_INBOUND, meta.wildcard(), meta.inboundPort(), false, all));
    }
    return out;
  }

  /** The inbound ports, one per target port (the first service claiming a port wins), ascending. */
  static List<InboundChains.Config> configs(ProxyContext ctx, ProxyMeta meta) {
    TreeMap<Integer, InboundChains.Config> byPort = new TreeMap<>();
    List<IstioIngressListener> ingress = ctx.scope().sidecar().map(Sidecar::spec).map(s -> s.ingress())
        .orElse(List.of());
    if (ingress.isEmpty()) {
      if (meta.interception() == ProxyMeta.Interception.NONE) {
        return List.of();
      }
      for (ProxyContext.ServiceInstance si : ctx.serviceInstances()) {
        for (ServicePort p : si.service().ports()) {
          Optional<Integer> target = targetPort(si.endpoint(), p);
          if (target.isEmpty() || byPort.containsKey(target.get())) {
            continue;
          }
          byPort.put(target.get(), new InboundChains.Config(target.get(), p.port(), p.protocol(),
              ClusterNames.inbound(target.get()), meta.wildcard(), false, false, si.service().hostname()));
        }
      }
    } else {
      Sidecar sidecar = ctx.scope().sidecar().orElseThrow();
      for (IstioIngressListener i : ingress) {
        int port = i.port().flatMap(p -> p.number()).orElse(0);
        if (port == 0 || byPort.containsKey(port)) {
          continue;
        }
        CaptureMode capture = i.captureMode().orElse(CaptureMode.DEFAULT);
        boolean bindToPort = capture == CaptureMode.DEFAULT
            ? meta.interception() == ProxyMeta.Interception.NONE : capture == CaptureMode.NONE;
        String bind = i.bind().filter(b -> !b.isEmpty()).orElse(meta.wildcard());
        if (bindToPort && bind.equals(meta.wildcard()) && meta.reservedPort(port)) {
          continue;
        }
        Protocol protocol = Protocol.parse(i.port().flatMap(p -> p.protocol()).orElse(""));
        byPort.put(port, new InboundChains.Config(port, port, protocol, ClusterNames.inbound(port), bind, false,
            bindToPort, sidecar.name() + "." + sidecar.namespace()));
      }
    }
    return List.copyOf(byPort.values());
  }

  /** The port the endpoint serves {@code p} on; empty when the endpoint lists its ports and not this one. */
  static Optional<Integer> targetPort(Endpoint e, ServicePort p) {
    Integer mapped = e.ports().get(p.name());
    if (mapped != null) {
      return Optional.of(mapped);
    }
    if (!e.ports().isEmpty() && !p.name().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(p.targetPort() > 0 ? p.targetPort() : p.port());
  }

  /** The blackhole chain, then per IP family the passthrough chains (default mode, then port-level modes). */
  private static List<FilterChain> passthroughChains(ProxyMeta meta, InboundChains.Context cctx,
      Effective peer, List<InboundChains.Config> configs) {
    List<FilterChain> out = new ArrayList<>();
    out.add(blackhole(meta));
    Set<Integer> served = new TreeSet<>();
    configs.forEach(c -> served.add(c.targetPort()));
    List<String> families = new ArrayList<>();
    if (meta.supportsIpv4()) {
      families.add(Names.INBOUND_PASSTHROUGH_IPV4);
    }
    if (meta.supportsIpv6()) {
      families.add(Names.INBOUND_PASSTHROUGH_IPV6);
    }
    List<Integer> ports = new ArrayList<>();
    ports.add(0);
    peer.ports().stream().filter(p -> !served.contains(p)).forEach(ports::add);
    for (String cluster : families) {
      for (int port : ports) {
        Mode mode = peer.forPort(port);
        InboundChains.Config cc = new InboundChains.Config(port, 0, Protocol.UNSUPPORTED, cluster, "", true, false,
            "");
        out.addAll(InboundChains.build(cctx, cc, mode, InboundMatchOptions.of(mode, ChainProtocol.AUTO)));
      }
    }
    return out;
  }

  private static FilterChain blackhole(ProxyMeta meta) {
    return FilterChain.newBuilder().setName(Names.VIRTUAL_INBOUND_BLACKHOLE)
        .setFilterChainMatch(io.envoyproxy.envoy.config.listener.v3.FilterChainMatch.newBuilder()
            .setDestinationPort(com.google.protobuf.UInt32Value.of(meta.inboundPort())))
        .addFilters(Listeners.tcpMetadataExchange())
        .addAllFilters(TelemetryFilters.tcp(meta.context(), ListenerClass.SIDECAR_INBOUND))
        .addFilters(Listeners.tcpProxyFilter(Listeners.tcpProxy(Names.BLACKHOLE_CLUSTER)))
        .build();
  }

  private static Listener listener(ProxyMeta meta, String name, String bind, int port, boolean bindToPort,
      List<FilterChain> chains) {
    Listener.Builder l = Listener.newBuilder().setName(name).setAddress(Listeners.socketAddress(bind, port))
        .setTrafficDirection(TrafficDirection.INBOUND).setContinueOnListenerFiltersTimeout(true);
    if (!bindToPort && meta.interception() == ProxyMeta.Interception.TPROXY) {
      l.setTransparent(BoolValue.of(true));
    }
    l.addAllAccessLog(AccessLogs.listener(meta.context(), ListenerClass.SIDECAR_INBOUND));
    l.addAllFilterChains(chains);
    if (!bindToPort) {
      l.addListenerFilters(Listeners.originalDst());
      if (meta.interception() == ProxyMeta.Interception.TPROXY) {
        l.addListenerFilters(Listeners.originalSrc());
      }
    }
    l.addAllListenerFilters(Inspectors.forChains(chains));
    meta.mesh().protocolDetectionTimeout().ifPresent(d -> l.setListenerFiltersTimeout(ProxyMeta.duration(d)));
    return l.build();
  }
}
