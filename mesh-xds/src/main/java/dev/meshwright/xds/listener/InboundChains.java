package dev.meshwright.xds.listener;

import com.google.protobuf.UInt32Value;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.xds.listener.InboundMatchOptions.Option;
import dev.meshwright.xds.listener.PeerAuthentications.Mode;
import dev.meshwright.xds.telemetry.AccessLogs;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.route.v3.Decorator;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter chains of one inbound port (or of the passthrough), as istiod's {@code inboundChainForOpts}: one chain
 * per {@link InboundMatchOptions.Option}, matching destination port, transport and ALPN, with the mTLS server context
 * when the option terminates TLS. HTTP chains hold metadata exchange and a connection manager with the inline route
 * {@code inbound|<port>||} (one virtual host {@code inbound|http|<servicePort>}, route {@code default}, no timeouts);
 * TCP chains hold metadata exchange, the policy filters and a TCP proxy to the inbound cluster. Stateless.
 */
final class InboundChains {
  private InboundChains() {}

  /**
   * One inbound port (istiod's {@code inboundChainConfig}).
   *
   * @param targetPort the port the workload listens on (0 for the passthrough default)
   * @param servicePort the service port (virtual host name and trace operation)
   * @param protocol the port protocol
   * @param cluster {@code inbound|<targetPort>||}, or an InboundPassthroughCluster
   * @param bind the bind address (chain names {@code <bind>_<targetPort>})
   * @param passthrough whether this is a passthrough chain set
   * @param bindToPort whether the port gets a listener of its own instead of virtualInbound chains
   * @param hostname the service behind the port, for the trace operation
   */
  record Config(int targetPort, int servicePort, Protocol protocol, String cluster, String bind, boolean passthrough,
      boolean bindToPort, String hostname) {

    String name(ChainProtocol p) {
      if (passthrough) {
        return p == ChainProtocol.HTTP ? Names.VIRTUAL_INBOUND_CATCHALL_HTTP : Names.VIRTUAL_INBOUND;
      }
      return Names.listener(bind, targetPort);
    }

    String statPrefix() {
      return passthrough ? cluster : "inbound_" + name(ChainProtocol.HTTP);
    }
  }

  /** Everything chain building needs besides the port. */
  record Context(ProxyMeta meta, List<HttpFilter> httpAuthz, List<Filter> tcpAuthz) {}

  static List<FilterChain> build(Context ctx, Config cc, Mode mode, List<Option> options) {
    List<FilterChain> out = new ArrayList<>(options.size());
    for (Option o : options) {
      FilterChain.Builder fc = FilterChain.newBuilder().setFilterChainMatch(match(cc, o));
      if (o.protocol() == ChainProtocol.HTTP) {
        fc.addAllFilters(httpFilters(ctx, cc));
      } else {
        fc.addAllFilters(tcpFilters(ctx, cc));
      }
      if (o.tls() && mode != Mode.DISABLE) {
        fc.setTransportSocket(Listeners.downstreamTls(InboundTls.context(ctx.meta().mesh(), o.protocol())));
      }
      fc.setName(cc.name(o.protocol()));
      out.add(fc.build());
    }
    return out;
  }

  private static FilterChainMatch match(Config cc, Option o) {
    FilterChainMatch.Builder m = FilterChainMatch.newBuilder().addAllApplicationProtocols(o.alpn())
        .setTransportProtocol(o.transport());
    if (cc.passthrough()) {
      m.addPrefixRanges(cc.cluster().equals(Names.INBOUND_PASSTHROUGH_IPV4)
          ? Listeners.cidr("0.0.0.0", 0) : Listeners.cidr("::", 0));
    }
    if (cc.targetPort() > 0) {
      m.setDestinationPort(UInt32Value.of(cc.targetPort()));
    }
    return m.build();
  }

  private static List<Filter> httpFilters(Context ctx, Config cc) {
    HttpConnectionManagers.Options o = new HttpConnectionManagers.Options(HttpConnectionManagers.Side.INBOUND,
        cc.statPrefix(), null, route(cc), cc.protocol(), ctx.httpAuthz());
    return List.of(Listeners.tcpMetadataExchange(),
        Listeners.hcmFilter(HttpConnectionManagers.build(ctx.meta(), o)));
  }

  private static List<Filter> tcpFilters(Context ctx, Config cc) {
    List<Filter> out = new ArrayList<>();
    out.add(Listeners.tcpMetadataExchange());
    out.addAll(ctx.tcpAuthz());
    out.addAll(TelemetryFilters.tcp(ctx.meta().context(), ListenerClass.SIDECAR_INBOUND));
    TcpProxy.Builder tcp = Listeners.tcpProxy(cc.cluster()).toBuilder();
    ctx.meta().idleTimeout().ifPresent(tcp::setIdleTimeout);
    tcp.addAllAccessLog(AccessLogs.connection(ctx.meta().context(), ListenerClass.SIDECAR_INBOUND));
    out.add(Listeners.tcpProxyFilter(tcp.build()));
    return out;
  }

  /** The inline inbound route configuration (httproute.go › buildSidecarInboundHTTPRouteConfig). */
  static RouteConfiguration route(Config cc) {
    Route route = Route.newBuilder().setName("default")
        .setMatch(RouteMatch.newBuilder().setPrefix("/"))
        .setDecorator(Decorator.newBuilder().setOperation(cc.hostname() + ":" + cc.servicePort() + "/*"))
        .setRoute(RouteAction.newBuilder().setCluster(cc.cluster()).setTimeout(Listeners.zero())
            .setMaxStreamDuration(RouteAction.MaxStreamDuration.newBuilder().setMaxStreamDuration(Listeners.zero())
                .setGrpcTimeoutHeaderMax(Listeners.zero())))
        .build();
    return RouteConfiguration.newBuilder().setName(cc.cluster())
        .addVirtualHosts(VirtualHost.newBuilder().setName("inbound|http|" + cc.servicePort()).addDomains("*")
            .addRoutes(route))
        .setValidateClusters(com.google.protobuf.BoolValue.of(false))
        .build();
  }
}
