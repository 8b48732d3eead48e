package dev.meshwright.xds.listener;

import com.google.protobuf.BoolValue;
import dev.meshwright.api.networking.CaptureMode;
import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sidecar's per-port outbound listeners (listener.go › buildSidecarOutboundListeners): for every imported
 * service port a listener {@code <bind>_<port>}, bound to {@code 0.0.0.0} for HTTP ports (all HTTP services of a
 * port share it, RDS name = port) and to the service VIP for TCP and sniffed ports (RDS {@code <host>:<port>} for the
 * HTTP half of a sniffed port); headless services get one listener per endpoint address. When two services want the
 * same (bind, port), istiod's conflict rules decide: TCP chains merge unless they match the same traffic, HTTP over
 * TCP merges into a sniffed listener, a second HTTP or sniffed service is dropped. Sidecar egress listeners are
 * processed in order: one with a port gives that port to each service it imports (bound to its {@code bind} when
 * set); the port-less one (last) adds the service ports without touching listeners already built. Under interception
 * NONE (or egress capture mode NONE) the listeners bind for real on localhost. Pure.
 */
final class OutboundListeners {
  private final ProxyContext ctx;
  private final ProxyMeta meta;
  private final OutboundTcpChains tcpChains;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** A listener being assembled: its bind, port, the chains so far and the protocol it currently serves. */
  private static final class Entry {
    final String bind;
    final int port;
    final boolean bindToPort;
    final List<ChainOpt> chains;
    Protocol protocol;
    boolean locked;

    Entry(String bind, int port, boolean bindToPort, List<ChainOpt> chains, Protocol protocol) {
      this.bind = bind;
      this.port = port;
      this.bindToPort = bindToPort;
      this.chains = new ArrayList<>(chains);
      this.protocol = protocol;
    }
  }

  OutboundListeners(ProxyContext ctx, ProxyMeta meta) {
    this.ctx = ctx;
    this.meta = meta;
    this.tcpChains = new OutboundTcpChains(ctx, meta);
  }

  List<Listener> build() {
    List<IstioEgressListener> egress = ctx.scope().sidecar().map(sc -> sc.spec().egress()).orElse(List.of());
    if (egress.isEmpty()) {
      egress = List.of(IstioEgressListener.builder().addHosts("*/*").build());
    }
    for (IstioEgressListener el : egress) {
      egressListener(el);
    }
    List<Listener> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(listener(e));
    }
    httpProxy().ifPresent(out::add);
    return out;
  }

  /**
   * The HTTP proxy listener {@code 127.0.0.1_<port>} (mesh {@code proxyHttpPort}, or node metadata
   * {@code HTTP_PROXY_PORT}): bound for real, absolute URLs allowed, RDS {@code http_proxy}.
   */
  private java.util.Optional<Listener> httpProxy() {
    int port = meta.mesh().proxyHttpPort().orElse(0);
    int fromMeta = meta.metaPort("HTTP_PROXY_PORT");
    port = fromMeta != 0 ? fromMeta : port;
    if (port == 0) {
      return java.util.Optional.empty();
    }
    Entry e = new Entry(meta.localhost(), port, true, List.of(ChainOpt.http("http_proxy", Protocol.HTTP_PROXY)),
        Protocol.HTTP_PROXY);
    return java.util.Optional.of(listener(e));
  }

  /** One Sidecar egress listener: its port for every imported service, or every port of every imported service. */
  private void egressListener(IstioEgressListener el) {
    boolean none = meta.interception() == ProxyMeta.Interception.NONE;
    String customBind = el.bind().orElse("");
    if (customBind.startsWith("unix://")) {
      return; // Unix domain socket egress listeners are not modelled
    }
    boolean bindToPort = none || el.captureMode().orElse(CaptureMode.DEFAULT) == CaptureMode.NONE;
    String fixedBind = !customBind.isEmpty() ? customBind : bindToPort ? meta.localhost() : "";
    List<MeshService> services = ctx.scope().services(el);
    if (el.port().flatMap(p -> p.number()).isPresent()) {
      dev.meshwright.api.networking.Port p = el.port().get();
      ServicePort listenPort = new ServicePort(p.name().orElse(""), p.number().get(), 0,
          Protocol.parse(p.protocol().orElse("")));
      if (reserved(fixedBind, listenPort)) {
        return;
      }
      for (MeshService svc : services) {
        if (svc.resolution() != MeshService.Resolution.ALIAS) {
          add(svc, listenPort, fixedBind, bindToPort);
        }
      }
      return;
    }
    entries.values().forEach(e -> e.locked = true);
    for (MeshService svc : services) {
      if (svc.resolution() == MeshService.Resolution.ALIAS) {
        continue;
      }
      String address = svc.addresses().isEmpty() ? MeshService.UNSPECIFIED_IP : svc.addresses().get(0);
      for (ServicePort port : svc.ports()) {
        ChainProtocol lp = ChainProtocol.of(port.protocol());
        if (reserved(fixedBind, port)) {
          continue;
        }
        if (fixedBind.isEmpty() && svc.resolution() == MeshService.Resolution.PASSTHROUGH
            && address.equals(MeshService.UNSPECIFIED_IP) && (lp == ChainProtocol.TCP || lp == ChainProtocol.AUTO)) {
          List<Endpoint> eps = endpoints(svc, port);
          if (svc.origin() != MeshService.Origin.KUBERNETES && eps.isEmpty() && svc.selector().isEmpty()) {
            add(svc, port, "", bindToPort);
          }
          for (Endpoint e : eps) {
            if (isIp(e.address()) && !e.address().equals(ctx.proxy().ip())) {
              add(svc, port, e.address(), bindToPort);
            }
          }
        } else {
          add(svc, port, fixedBind, bindToPort);
        }
      }
    }
  }

  /** istiod's {@code conflictWithReservedListener}: HTTP ports (or any port on the wildcard bind) that clash. */
  private boolean reserved(String bind, ServicePort port) {
    if (!bind.isEmpty()) {
      return bind.equals(meta.wildcard()) && meta.reservedPort(port.port());
    }
    return ChainProtocol.of(port.protocol()) == ChainProtocol.HTTP && meta.reservedPort(port.port());
  }

  private List<Endpoint> endpoints(MeshService svc, ServicePort port) {
    return ctx.snapshot().registry().endpoints(svc.hostname()).stream()
        .filter(e -> e.serviceNamespace().equals(svc.namespace()))
        .filter(e -> e.ports().isEmpty() || e.ports().containsKey(port.name())).toList();
  }

  private static boolean isIp(String s) {
    return s.matches("[0-9.]+") || s.contains(":");
  }

  /** istiod's {@code buildSidecarOutboundListener} for one service port. */
  private void add(MeshService svc, ServicePort port, String bind, boolean bindToPort) {
    ChainProtocol lp = ChainProtocol.of(port.protocol());
    Protocol entryProtocol = port.protocol();
    String cidr = "";
    if (lp == ChainProtocol.TCP || lp == ChainProtocol.AUTO) {
      if (bind.isEmpty()) {
        String address = svc.addresses().isEmpty() ? MeshService.UNSPECIFIED_IP : svc.addresses().get(0);
        if (address.contains("/")) {
          bind = meta.wildcard();
          cidr = address;
        } else {
          bind = address;
        }
      }
    } else if (lp == ChainProtocol.HTTP) {
      if (bind.isEmpty()) {
        bind = meta.wildcard();
      }
    } else {
      return;
    }
    String key = Names.listener(bind, port.port());
    Entry current = entries.get(key);
    if (current != null && current.locked) {
      return;
    }
    List<ChainOpt> opts;
    Conflict conflict = Conflict.NONE;
    if (port.protocol() == Protocol.HTTP_PROXY) {
      opts = List.of(ChainOpt.http(String.valueOf(port.port()), port.protocol()));
    } else {
      switch (lp) {
        case HTTP -> {
          if (current != null) {
            if (!current.protocol.isTcp()) {
              return;
            }
            conflict = Conflict.HTTP_OVER_TCP;
          }
          ChainOpt http = ChainOpt.http(String.valueOf(port.port()), port.protocol());
          if (bind.equals(meta.wildcard())) {
            http = http.sniffed();
            entryProtocol = Protocol.UNSUPPORTED;
          }
          opts = List.of(http);
        }
        case TCP -> {
          opts = tcpChains.build(svc, port, bind, cidr);
          if (current != null) {
            conflict = current.protocol.isHttp() ? Conflict.TCP_OVER_HTTP
                : current.protocol.isTcp() ? Conflict.TCP_OVER_TCP : Conflict.TCP_OVER_AUTO;
          }
        }
        default -> {
          if (current != null) {
            if (current.protocol.isHttp()) {
              conflict = Conflict.AUTO_OVER_HTTP;
            } else if (current.protocol.isTcp()) {
              conflict = Conflict.AUTO_OVER_TCP;
            } else {
              return;
            }
          }
          String rds = !bind.equals(meta.wildcard()) ? svc.hostname() + ":" + port.port()
              : String.valueOf(port.port());
          opts = new ArrayList<>(tcpChains.build(svc, port, bind, cidr));
          opts.add(ChainOpt.http(rds, port.protocol()).sniffed());
        }
      }
    }
    if (current != null && conflict != Conflict.NONE && wellKnownClash(port.protocol(), current.protocol)) {
      return;
    }
    switch (conflict) {
      case NONE, AUTO_OVER_HTTP -> entries.put(key, new Entry(bind, port.port(), bindToPort, opts, entryProtocol));
      case HTTP_OVER_TCP, TCP_OVER_HTTP, AUTO_OVER_TCP -> {
        merge(current, opts);
        current.protocol = Protocol.UNSUPPORTED;
      }
      case TCP_OVER_TCP, TCP_OVER_AUTO -> merge(current, opts);
    }
  }

  private enum Conflict { NONE, HTTP_OVER_TCP, TCP_OVER_HTTP, TCP_OVER_TCP, TCP_OVER_AUTO, AUTO_OVER_HTTP, AUTO_OVER_TCP }

  /** Mongo and MySQL ports never share a listener with another protocol. */
  private static boolean wellKnownClash(Protocol incoming, Protocol existing) {
    boolean special = incoming == Protocol.MONGO || incoming == Protocol.MYSQL || existing == Protocol.MONGO
        || existing == Protocol.MYSQL;
    return special && incoming != existing;
  }

  private static void merge(Entry current, List<ChainOpt> incoming) {
    for (ChainOpt in : incoming) {
      if (current.chains.stream().noneMatch(c -> c.conflictsWith(in))) {
        current.chains.add(in);
      }
    }
  }

  /** istiod's {@code buildListenerFromEntry}. */
  private Listener listener(Entry e) {
    String name = Names.listener(e.bind, e.port);
    Listener.Builder l = Listener.newBuilder().setName(name).setAddress(Listeners.socketAddress(e.bind, e.port))
        .setTrafficDirection(TrafficDirection.OUTBOUND).setContinueOnListenerFiltersTimeout(true);
    if (!e.bindToPort) {
      l.setBindToPort(BoolValue.of(false));
    }
    boolean tlsInspector = e.chains.stream().anyMatch(c -> !c.sniHosts().isEmpty());
    boolean httpInspector = e.chains.stream().anyMatch(c -> !c.alpn().isEmpty());
    if (tlsInspector || httpInspector) {
      l.addListenerFilters(Listeners.tlsInspector());
    }
    if (httpInspector) {
      l.addListenerFilters(Listeners.httpInspector());
      meta.mesh().protocolDetectionTimeout().ifPresent(d -> l.setListenerFiltersTimeout(ProxyMeta.duration(d)));
    } else {
      l.setListenerFiltersTimeout(Listeners.zero());
    }
    FilterChain defaultChain = null;
    for (ChainOpt o : e.chains) {
      FilterChain.Builder fc = FilterChain.newBuilder();
      if (o.metadata() != null) {
        fc.setMetadata(o.metadata());
      }
      if (o.isHttp()) {
        HttpConnectionManagers.Options ho = new HttpConnectionManagers.Options(HttpConnectionManagers.Side.OUTBOUND,
            "outbound_" + name, o.rds(), null, o.protocol(), List.of());
        fc.addFilters(Listeners.hcmFilter(HttpConnectionManagers.build(meta, ho)));
      } else {
        fc.addAllFilters(o.filters());
      }
      if (o.matchAll()) {
        defaultChain = fc.build();
      } else {
        fc.setFilterChainMatch(match(o));
        l.addFilterChains(fc);
      }
    }
    if (defaultChain != null && l.getFilterChainsCount() == 0) {
      l.addFilterChains(defaultChain);
    } else if (defaultChain != null) {
      l.setDefaultFilterChain(defaultChain);
    } else {
      l.setDefaultFilterChain(FilterChain.newBuilder().setFilterChainMatch(FilterChainMatch.getDefaultInstance())
          .setName(Names.PASSTHROUGH_FILTER_CHAIN).addAllFilters(VirtualOutbound.catchAllFilters(ctx, meta)));
    }
    return l.build();
  }

  private static FilterChainMatch match(ChainOpt o) {
    FilterChainMatch.Builder m = FilterChainMatch.newBuilder().addAllApplicationProtocols(o.alpn())
        .setTransportProtocol(o.transport());
    if (!o.sniHosts().isEmpty() && !o.sniHosts().contains("*")) {
      m.addAllServerNames(o.sniHosts().stream().sorted().toList());
    }
    for (String c : o.cidrs().stream().sorted().toList()) {
      String addr = c.contains("/") ? c.substring(0, c.indexOf('/')) : c;
      if (!addr.equals(Names.WILDCARD_V4)) {
        m.addPrefixRanges(Listeners.cidr(c));
      }
    }
    return m.build();
  }
}
