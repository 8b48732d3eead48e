package dev.meshwright.xds.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.gateway.MergedGateway.BoundServer;
import dev.meshwright.xds.gateway.MergedGateway.PortServers;
import dev.meshwright.xds.listener.InboundFilters;
import dev.meshwright.xds.telemetry.AccessLogs;
import dev.meshwright.xds.telemetry.ListenerClass;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LDS for gateway proxies ({@code buildGatewayListeners}): one listener per (bind, port) of the merged Gateways,
 * named {@code <bind>_<port>} ({@code 0.0.0.0_8443}), bound for real. Plain HTTP servers of a port share one
 * HTTP connection manager chain with RDS {@code http.<port>}; every other server adds its chains: HTTPS servers
 * terminating TLS match their SNI hosts and load {@code https.<port>.<portName>.<gw>.<ns>}, TCP/TLS servers
 * forward by VirtualService {@code tcp}/{@code tls} routes (see {@link GatewayTcpChains}). A TLS inspector is
 * added when a chain matches SNI or negotiates ALPN. Ports below 1024 are skipped for unprivileged pods. A
 * listener left with no chains is omitted with a diagnostic. Stateless and thread-safe.
 */
public final class GatewayListenerGenerator implements ResourceGenerator {
  static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";

  private final InboundFilters policy;

  /** A generator whose chains carry no authorization filters. */
  public GatewayListenerGenerator() {
    this(InboundFilters.NONE);
  }

  private GatewayListenerGenerator(InboundFilters policy) {
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
  }

  /**
   * A generator whose HTTP chains carry {@code policy}'s HTTP filters after metadata exchange, and whose TCP
   * chains (not AUTO_PASSTHROUGH ones, as in Istio) its network filters before the TCP proxy: the
   * AuthorizationPolicies and RequestAuthentications that select the gateway workload.
   */
  public static GatewayListenerGenerator withPolicyFilters(InboundFilters policy) {
    return new GatewayListenerGenerator(policy);
  }

  @Override
  public String typeUrl() {
    return TypeUrls.LISTENER;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    MergedGateway merged = MergedGateway.of(ctx);
    List<Diagnostic> diags = new ArrayList<>(merged.diagnostics());
    List<io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter> httpPolicy =
        policy.http(ctx);
    GatewayTcpChains tcp = new GatewayTcpChains(ctx, policy.tcp(ctx));
    boolean unprivileged = ctx.proxy().meta("UNPRIVILEGED_POD").map("true"::equalsIgnoreCase).orElse(false);
    String wildcard = ctx.proxy().ipAddresses().stream().allMatch(ip -> ip.contains(":")) ? "::" : "0.0.0.0";
    Map<String, List<GatewayChain>> chainsByListener = new LinkedHashMap<>();
    Map<String, PortServers> portByListener = new LinkedHashMap<>();
    for (PortServers ps : merged.ports()) {
      int port = ps.port().number();
      if (unprivileged && port < 1024) {
        diags.add(diag(ctx, "port " + port + " skipped: the pod is unprivileged"));
        continue;
      }
      String bind = ps.port().bind().isEmpty() ? wildcard : ps.port().bind();
      String name = bind + "_" + port;
      List<GatewayChain> chains = chainsByListener.computeIfAbsent(name, k -> new ArrayList<>());
      portByListener.putIfAbsent(name, ps);
      if (ServerProtocol.parse(ps.port().protocol()).isHttp()) {
        chains.add(httpChain(ctx, "outbound_" + name, ps.routeName(), ps.servers().get(0), Optional.empty(),
            httpPolicy));
        continue;
      }
      for (BoundServer bs : ps.servers()) {
        if (ServerProtocol.isHttpsTerminating(bs.server())) {
          String stat = bs.server().name().filter(n -> !n.isEmpty()).orElse("outbound_" + name);
          chains.add(httpChain(ctx, stat, bs.routeName(), bs, Optional.of(GatewayTls.downstream(
              bs.server().tls().get(), ctx.proxy(), ctx.meshConfig(), GatewayTls.Terminates.HTTPS)), httpPolicy));
        } else {
          List<GatewayChain> c = tcp.chains(bs);
          if (c.isEmpty()) {
            diags.add(diag(ctx, "server " + bs.gateway() + " port " + bs.serverPort()
                + ": no VirtualService route matches, no filter chain"));
          }
          chains.addAll(c);
        }
      }
    }
    List<XdsResource> out = new ArrayList<>();
    chainsByListener.forEach((name, chains) -> {
      if (!names.isEmpty() && !names.contains(name)) {
        return;
      }
      if (chains.isEmpty()) {
        diags.add(diag(ctx, "listener " + name + " omitted: it has no filter chains"));
        return;
      }
      PortServers ps = portByListener.get(name);
      String bind = ps.port().bind().isEmpty() ? wildcard : ps.port().bind();
      out.add(XdsResource.of(name, listener(name, bind, ps.port().number(), chains).toBuilder()
          .addAllAccessLog(AccessLogs.listener(ctx, ListenerClass.GATEWAY)).build()));
    });
    return new Output(out, diags);
  }

  private static GatewayChain httpChain(ProxyContext ctx, String statPrefix, String routeName, BoundServer bs,
      Optional<io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext> tls,
      List<io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter> policy) {
    Filter hcm = Filter.newBuilder().setName(GatewayHcm.HCM).setTypedConfig(Any.pack(GatewayHcm.build(ctx,
        statPrefix, routeName, ServerProtocol.of(bs.server()), policy))).build();
    return new GatewayChain(tls.isPresent() ? bs.sniHosts() : List.of(), List.of(), tls, List.of(hcm));
  }

  /** A gateway listener: bound to {@code bind:port}, outbound, no listener filter timeout. */
  static Listener listener(String name, String bind, int port, List<GatewayChain> chains) {
    Listener.Builder l = Listener.newBuilder().setName(name)
        .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder()
            .setAddress(bind).setPortValue(port)))
        .setTrafficDirection(TrafficDirection.OUTBOUND)
        .setListenerFiltersTimeout(Duration.getDefaultInstance())
        .setContinueOnListenerFiltersTimeout(false);
    if (chains.stream().anyMatch(GatewayChain::needsTlsInspector)) {
      l.addListenerFilters(ListenerFilter.newBuilder().setName(TLS_INSPECTOR)
          .setTypedConfig(Any.pack(TlsInspector.getDefaultInstance())));
    }
    chains.forEach(c -> l.addFilterChains(c.toFilterChain()));
    return l.build();
  }

  private static Diagnostic diag(ProxyContext ctx, String message) {
    return new Diagnostic(Severity.WARNING, "", 0, 0, "Proxy", ctx.proxy().namespace(), ctx.proxy().id(), "LDS",
        message);
  }
}
