package dev.meshwright.xds.gateway;

import dev.meshwright.xds.listener.Listeners;
import com.github.xds.type.v3.TypedStruct;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshwright.api.networking.L4MatchAttributes;
import dev.meshwright.api.networking.RouteDestination;
import dev.meshwright.api.networking.Server;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TCPRoute;
import dev.meshwright.api.networking.TLSMatchAttributes;
import dev.meshwright.api.networking.TLSRoute;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.xds.gateway.MergedGateway.BoundServer;
import dev.meshwright.xds.route.L4Routes;
import dev.meshwright.xds.route.RouteContext;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import dev.meshwright.xds.telemetry.AccessLogs;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TCP filter chains of gateway servers that do not speak HTTP ({@code createGatewayTCPFilterChainOpts}):
 * opaque TCP and TLS-terminating servers forward by the first matching VirtualService {@code tcp} route;
 * PASSTHROUGH servers get one chain per matching {@code tls} route match, chosen by its SNI hosts (an SNI host
 * already used on the port drops that match); AUTO_PASSTHROUGH servers get one chain per SNI-DNAT cluster
 * {@code outbound_.<port>_.<subset>_.<host>} of the mesh services their hosts cover. Stateless.
 */
final class GatewayTcpChains {
  static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";
  static final List<String> ALL_ISTIO_MTLS_ALPNS =
      List.of("istio", "istio-peer-exchange", "istio-http/1.0", "istio-http/1.1", "istio-h2");

  private final ProxyContext ctx;
  private final List<Filter> policy;
  /** SNI host → bind, per listener port: Envoy rejects two chains with the same match. */
  private final Map<Integer, Map<String, String>> sniByPort = new HashMap<>();

  GatewayTcpChains(ProxyContext ctx, List<Filter> policy) {
    this.ctx = ctx;
    this.policy = List.copyOf(policy);
  }

  /** The chains of one non-HTTP server. */
  List<GatewayChain> chains(BoundServer bs) {
    Server s = bs.server();
    if (s.tls().isEmpty()) {
      return tcpFilters(bs).map(f -> List.of(new GatewayChain(List.of(), List.of(), Optional.empty(), f)))
          .orElse(List.of());
    }
    if (!ServerProtocol.isPassthrough(s)) {
      return tcpFilters(bs).map(f -> List.of(new GatewayChain(bs.sniHosts(), List.of(),
          Optional.of(GatewayTls.downstream(s.tls().get(), ctx.proxy(), ctx.meshConfig(), GatewayTls.Terminates.TCP)),
          f))).orElse(List.of());
    }
    if (ServerProtocol.mode(s) == dev.meshwright.api.networking.ServerTLSSettings.TLSmode.AUTO_PASSTHROUGH) {
      return autoPassthrough(bs);
    }
    return passthrough(bs);
  }

  private Optional<List<Filter>> tcpFilters(BoundServer bs) {
    boolean mx = ServerProtocol.mode(bs.server()) == dev.meshwright.api.networking.ServerTLSSettings.TLSmode.ISTIO_MUTUAL
        && bs.server().tls().isPresent();
    for (VirtualService vs : ctx.snapshot().virtualServices().forGateway(bs.gateway(), ctx.proxy().namespace())) {
      if (!GatewayHosts.anyMatch(bs.server().hosts(), vs)) {
        continue;
      }
      for (TCPRoute tcp : vs.spec().tcp()) {
        if (l4Matches(tcp.match(), bs, vs) && !tcp.route().isEmpty()) {
          return Optional.of(networkFilters(tcp.route(), bs.serverPort(), vs, mx));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean l4Matches(List<L4MatchAttributes> matches, BoundServer bs, VirtualService vs) {
    if (matches.isEmpty()) {
      return true;
    }
    for (L4MatchAttributes m : matches) {
      if (m.port().map(p -> p == bs.serverPort()).orElse(true) && gatewayMatches(m.gateways(), bs, vs)) {
        return true;
      }
    }
    return false;
  }

  private static boolean gatewayMatches(List<String> gateways, BoundServer bs, VirtualService vs) {
    return gateways.isEmpty() || gateways.stream().anyMatch(g -> GatewayHosts.gatewayRef(g, vs.namespace()).equals(bs.gateway()));
  }

  private List<GatewayChain> passthrough(BoundServer bs) {
    List<GatewayChain> out = new ArrayList<>();
    String bind = bs.server().bind().orElse("");
    for (VirtualService vs : ctx.snapshot().virtualServices().forGateway(bs.gateway(), ctx.proxy().namespace())) {
      if (!GatewayHosts.anyMatch(bs.server().hosts(), vs)) {
        continue;
      }
      for (TLSRoute tls : vs.spec().tls()) {
        for (TLSMatchAttributes m : tls.match()) {
          boolean portOk = m.port().map(p -> p == bs.serverPort()).orElse(true);
          if (!portOk || !gatewayMatches(m.gateways(), bs, vs) || tls.route().isEmpty()) {
            continue;
          }
          Map<String, String> known = sniByPort.computeIfAbsent(bs.listenPort(), k -> new HashMap<>());
          if (m.sniHosts().stream().anyMatch(h -> bind.equals(known.get(h)))) {
            continue;
          }
          m.sniHosts().forEach(h -> known.put(h, bind));
          out.add(new GatewayChain(m.sniHosts(), List.of(), Optional.empty(),
              networkFilters(tls.route(), bs.serverPort(), vs, false)));
        }
      }
    }
    return out;
  }

  private List<GatewayChain> autoPassthrough(BoundServer bs) {
    List<GatewayChain> out = new ArrayList<>();
    for (MeshService svc : ctx.scope().services()) {
      if (svc.location() == MeshService.Location.MESH_EXTERNAL
          || bs.sniHosts().stream().noneMatch(h -> GatewayHosts.subsetOf(svc.hostname(), h))) {
        continue;
      }
      List<String> subsets = ctx.snapshot().destinationRules(ctx.proxy().namespace(), svc.hostname()).stream()
          .findFirst().map(MergedDestinationRule::spec).map(dr -> dr.subsets().stream()
              .map(Subset::name).flatMap(Optional::stream).toList()).orElse(List.of());
      for (ServicePort p : svc.ports()) {
        if (p.protocol() == dev.meshwright.api.validation.Protocol.UDP) {
          continue;
        }
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(subsets);
        for (String subset : all) {
          String cluster = ClusterNames.outboundSni(p.port(), subset, svc.hostname());
          out.add(new GatewayChain(List.of(cluster), ALL_ISTIO_MTLS_ALPNS, Optional.empty(),
              TelemetryFilters.tcpStack(ctx, ListenerClass.GATEWAY,
                  tcpProxy(TcpProxy.newBuilder().setStatPrefix(cluster).setCluster(cluster)))));
        }
      }
    }
    return out;
  }

  /**
   * Metadata exchange (ISTIO_MUTUAL only), the policy filters, the telemetry filters, then a TCP proxy to one
   * destination (stat prefix = cluster) or to weighted clusters (stat prefix = {@code vs.ns}).
   */
  List<Filter> networkFilters(List<RouteDestination> routes, int serverPort, VirtualService vs, boolean mx) {
    List<Filter> out = new ArrayList<>();
    if (mx) {
      out.add(Filter.newBuilder().setName("istio.metadata_exchange").setTypedConfig(Any.pack(TypedStruct.newBuilder()
          .setTypeUrl("type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange")
          .setValue(Struct.newBuilder()
              .putFields("protocol", Value.newBuilder().setStringValue("istio-peer-exchange").build())
              .putFields("enable_discovery", Value.newBuilder().setBoolValue(true).build()))
          .build())).build());
    }
    out.addAll(policy);
    TcpProxy.Builder tcp = TcpProxy.newBuilder();
    List<L4Routes.ClusterWeight> clusters = L4Routes.clusters(vs, routes,
        GatewayRouteContexts.of(ctx, serverPort, "", RouteContext.ListenerTls.PLAINTEXT));
    if (routes.size() == 1) {
      tcp.setStatPrefix(clusters.get(0).cluster()).setCluster(clusters.get(0).cluster());
    } else {
      TcpProxy.WeightedCluster.Builder w = TcpProxy.WeightedCluster.newBuilder();
      clusters.forEach(c -> w.addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder().setName(c.cluster())
          .setWeight(c.weight())));
      tcp.setStatPrefix(vs.name() + "." + vs.namespace()).setWeightedClusters(w);
    }
    ctx.proxy().meta("IDLE_TIMEOUT").flatMap(Listeners::goDuration).ifPresent(tcp::setIdleTimeout);
    out.addAll(TelemetryFilters.tcpStack(ctx, ListenerClass.GATEWAY, tcpProxy(tcp)));
    return out;
  }

  private Filter tcpProxy(TcpProxy.Builder tcp) {
    tcp.addAllAccessLog(AccessLogs.connection(ctx, ListenerClass.GATEWAY));
    return Filter.newBuilder().setName(TCP_PROXY).setTypedConfig(Any.pack(tcp.build())).build();
  }
}
