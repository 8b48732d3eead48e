package dev.meshwright.xds.listener;

import dev.meshwright.xds.cluster.ClusterNames;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshwright.api.networking.ConnectionPoolSettings;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.L4MatchAttributes;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.PortSelector;
import dev.meshwright.api.networking.RouteDestination;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TCPRoute;
import dev.meshwright.api.networking.TLSMatchAttributes;
import dev.meshwright.api.networking.TLSRoute;
import dev.meshwright.api.networking.TrafficPolicy;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import dev.meshwright.xds.telemetry.AccessLogs;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.v3.HashPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP and TLS chains of one outbound service port (tls.go › buildSidecarOutboundTLSFilterChainOpts and
 * buildSidecarOutboundTCPFilterChainOpts, networkfilter.go): VirtualService {@code tls} routes become SNI-matched
 * chains (TLS and HTTPS ports), {@code tcp} routes become chains per destination subnet or one catch-all; without a
 * matching route the port proxies to {@code outbound|<port>||<host>}. One destination gives a TCP proxy to its
 * cluster; several give weighted clusters with stat prefix {@code <vs>.<namespace>}. Pure.
 */
final class OutboundTcpChains {
  private final ProxyContext ctx;
  private final ProxyMeta meta;

  OutboundTcpChains(ProxyContext ctx, ProxyMeta meta) {
    this.ctx = ctx;
    this.meta = meta;
  }

  List<ChainOpt> build(MeshService svc, ServicePort port, String bind, String cidr) {
    List<VirtualService> vss = new ArrayList<>();
    for (VirtualService vs : ctx.snapshot().virtualServices().forGateway("mesh", ctx.proxy().namespace())) {
      if (vs.spec().hosts().stream().anyMatch(h -> hostMatches(h, svc.hostname()))) {
        vss.add(vs);
      }
    }
    List<String> cidrs = cidr.isEmpty() ? List.of() : List.of(cidr);
    return port.protocol().isTls() ? tls(svc, port, bind, cidrs, vss) : tcp(svc, port, cidrs, vss);
  }

  private List<ChainOpt> tls(MeshService svc, ServicePort port, String bind, List<String> cidrs,
      List<VirtualService> vss) {
    List<ChainOpt> out = new ArrayList<>();
    Set<String> handled = new HashSet<>();
    for (VirtualService vs : vss) {
      for (TLSRoute r : vs.spec().tls()) {
        for (TLSMatchAttributes m : r.match()) {
          if (!l4Match(m.gateways(), m.sourceLabels(), m.port(), m.sourceNamespace(), port.port())) {
            continue;
          }
          List<String> dst = !m.destinationSubnets().isEmpty() && port.port() > 0 ? m.destinationSubnets() : cidrs;
          if (handled.add(String.join(",", m.sniHosts()) + "|" + String.join(",", m.destinationSubnets()))) {
            out.add(ChainOpt.tcp(m.sniHosts(), dst, routeFilters(r.route(), port, vs), configMetadata(vs)));
          }
        }
      }
    }
    if (out.isEmpty()) {
      String address = svc.addresses().isEmpty() ? "" : svc.addresses().get(0);
      if (address.contains("/")) {
        address = "";
      }
      List<String> sni = !cidrs.isEmpty() || address.isEmpty()
          || (address.equals(meta.wildcard()) && bind.equals(meta.wildcard()))
          ? List.of(svc.hostname()) : List.of();
      out.add(ChainOpt.tcp(sni, cidrs, defaultFilters(svc, port), null));
    }
    return out;
  }

  private List<ChainOpt> tcp(MeshService svc, ServicePort port, List<String> cidrs, List<VirtualService> vss) {
    List<ChainOpt> out = new ArrayList<>();
    boolean defaultAdded = false;
    outer:
    for (VirtualService vs : vss) {
      for (TCPRoute r : vs.spec().tcp()) {
        if (r.match().isEmpty()) {
          out.add(ChainOpt.tcp(List.of(), cidrs, routeFilters(r.route(), port, vs), configMetadata(vs)));
          defaultAdded = true;
          break outer;
        }
        List<String> subnets = new ArrayList<>();
        for (L4MatchAttributes m : r.match()) {
          if (l4Match(m.gateways(), m.sourceLabels(), m.port(), m.sourceNamespace(), port.port())) {
            if (m.destinationSubnets().isEmpty() || port.port() == 0) {
              out.add(ChainOpt.tcp(List.of(), cidrs, routeFilters(r.route(), port, vs), configMetadata(vs)));
              defaultAdded = true;
              break outer;
            }
            subnets.addAll(m.destinationSubnets());
          }
        }
        if (!subnets.isEmpty()) {
          out.add(ChainOpt.tcp(List.of(), subnets, routeFilters(r.route(), port, vs), null));
          if (subnets.stream().sorted().toList().equals(cidrs.stream().sorted().toList())) {
            defaultAdded = true;
          }
        }
      }
    }
    if (!defaultAdded) {
      out.add(ChainOpt.tcp(List.of(), cidrs, defaultFilters(svc, port), null));
    }
    return out;
  }

  private boolean l4Match(List<String> gateways, Map<String, String> sourceLabels, Optional<Integer> port,
      Optional<String> sourceNamespace, int listenPort) {
    boolean gw = gateways.isEmpty() || gateways.contains("mesh");
    boolean labels = ctx.proxy().labels().entrySet().containsAll(sourceLabels.entrySet());
    boolean p = port.orElse(0) == 0 || port.get() == listenPort;
    boolean ns = sourceNamespace.orElse("").isEmpty() || sourceNamespace.get().equals(ctx.proxy().namespace());
    return gw && labels && p && ns;
  }

  private List<Filter> defaultFilters(MeshService svc, ServicePort port) {
    int p = svc.ports().size() == 1 ? svc.ports().get(0).port() : port.port();
    String cluster = ClusterNames.outbound(p, "", svc.hostname());
    return TelemetryFilters.tcpStack(ctx, ListenerClass.SIDECAR_OUTBOUND,
        Listeners.tcpProxyFilter(single(cluster, cluster, "", rule(svc.hostname()))));
  }

  private List<Filter> routeFilters(List<RouteDestination> routes, ServicePort port, VirtualService vs) {
    String firstHost = routes.get(0).destination().flatMap(Destination::host).orElse("");
    Optional<DestinationRuleSpec> dr = rule(firstHost);
    if (routes.size() == 1) {
      Destination d = routes.get(0).destination().orElseThrow();
      String cluster = destinationCluster(d, port.port());
      return TelemetryFilters.tcpStack(ctx, ListenerClass.SIDECAR_OUTBOUND,
          Listeners.tcpProxyFilter(single(cluster, cluster, d.subset().orElse(""), dr)));
    }
    TcpProxy.WeightedCluster.Builder wc = TcpProxy.WeightedCluster.newBuilder();
    for (RouteDestination r : routes) {
      if (r.weight().orElse(0) > 0 && r.destination().isPresent()) {
        wc.addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder()
            .setName(destinationCluster(r.destination().get(), port.port())).setWeight(r.weight().get()));
      }
    }
    TcpProxy.Builder tcp = TcpProxy.newBuilder().setStatPrefix(vs.name() + "." + vs.namespace()).setWeightedClusters(wc);
    common(tcp, "", dr);
    return TelemetryFilters.tcpStack(ctx, ListenerClass.SIDECAR_OUTBOUND,
        Listeners.tcpProxyFilter(tcp.build()));
  }

  /** istiod's {@code GetDestinationCluster}: the destination port, else the only service port, else the listener's. */
  String destinationCluster(Destination d, int listenerPort) {
    String host = d.host().orElse("");
    Optional<MeshService> svc = ctx.scope().service(host);
    int port = d.port().flatMap(PortSelector::number)
        .orElseGet(() -> svc.filter(s -> s.ports().size() == 1).map(s -> s.ports().get(0).port()).orElse(listenerPort));
    return ClusterNames.outbound(port, d.subset().orElse(""), host);
  }

  private TcpProxy single(String statPrefix, String cluster, String subset, Optional<DestinationRuleSpec> dr) {
    TcpProxy.Builder tcp = TcpProxy.newBuilder().setStatPrefix(statPrefix).setCluster(cluster);
    common(tcp, subset, dr);
    return tcp.build();
  }

  private void common(TcpProxy.Builder tcp, String subset, Optional<DestinationRuleSpec> dr) {
    Optional<ConnectionPoolSettings.TCPSettings> tcpPool = dr.flatMap(DestinationRuleSpec::trafficPolicy)
        .flatMap(TrafficPolicy::connectionPool).flatMap(ConnectionPoolSettings::tcp);
    Optional<com.google.protobuf.Duration> idle = tcpPool.flatMap(ConnectionPoolSettings.TCPSettings::idleTimeout)
        .map(ProxyMeta::duration).or(meta::idleTimeout);
    idle.ifPresent(tcp::setIdleTimeout);
    tcpPool.flatMap(ConnectionPoolSettings.TCPSettings::maxConnectionDuration)
        .ifPresent(d -> tcp.setMaxDownstreamConnectionDuration(ProxyMeta.duration(d)));
    if (dr.isPresent() && useSourceIp(dr.get(), subset)) {
      tcp.addHashPolicy(HashPolicy.newBuilder().setSourceIp(HashPolicy.SourceIp.getDefaultInstance()));
    }
    tcp.addAllAccessLog(AccessLogs.connection(ctx, ListenerClass.SIDECAR_OUTBOUND));
  }

  private static boolean useSourceIp(DestinationRuleSpec dr, String subset) {
    boolean use = dr.trafficPolicy().flatMap(TrafficPolicy::loadBalancer).flatMap(LoadBalancerSettings::consistentHash)
        .flatMap(LoadBalancerSettings.ConsistentHashLB::useSourceIp).orElse(false);
    for (Subset s : dr.subsets()) {
      if (s.name().orElse("").equals(subset)) {
        Optional<LoadBalancerSettings> lb = s.trafficPolicy().flatMap(TrafficPolicy::loadBalancer);
        if (lb.isPresent()) {
          use = lb.get().consistentHash().flatMap(LoadBalancerSettings.ConsistentHashLB::useSourceIp).orElse(false);
        }
        break;
      }
    }
    return use;
  }

  private Optional<DestinationRuleSpec> rule(String host) {
    List<MergedDestinationRule> drs = ctx.snapshot().destinationRules(ctx.proxy().namespace(), host);
    return drs.isEmpty() ? Optional.empty() : Optional.of(drs.get(0).spec());
  }

  /** The {@code istio.config} filter-chain metadata naming the VirtualService a chain came from. */
  static Metadata configMetadata(VirtualService vs) {
    String path = "/apis/networking.istio.io/v1alpha3/namespaces/" + vs.namespace() + "/virtual-service/" + vs.name();
    return Metadata.newBuilder().putFilterMetadata("istio", Struct.newBuilder()
        .putFields("config", Value.newBuilder().setStringValue(path).build()).build()).build();
  }

  /** Istio host matching with wildcards on either side ({@code *.example.com} covers {@code a.example.com}). */
  static boolean hostMatches(String a, String b) {
    if (a.equals("*") || b.equals("*")) {
      return true;
    }
    if (a.startsWith("*") && b.startsWith("*")) {
      return a.length() <= b.length() ? b.endsWith(a.substring(1)) : a.endsWith(b.substring(1));
    }
    if (a.startsWith("*")) {
      return b.endsWith(a.substring(1));
    }
    if (b.startsWith("*")) {
      return a.endsWith(b.substring(1));
    }
    return a.equalsIgnoreCase(b);
  }
}
