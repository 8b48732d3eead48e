package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboundListenersTest {
  static final String SUFFIX = "corp.example";

  /** The workload 10.20.0.7 in "pay" serves an HTTP port (8080 → 18080), a TCP port (5000) and a sniffed one (7000). */
  static final String WORKLOAD = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: payments, namespace: pay}
      spec:
        hosts: [payments.pay.svc.corp.example]
        addresses: [10.30.0.1]
        location: MESH_INTERNAL
        resolution: STATIC
        ports:
        - {number: 8080, name: http-web, protocol: HTTP, targetPort: 18080}
        - {number: 5000, name: tcp-raw, protocol: TCP}
        - {number: 7000, name: misc}
        endpoints:
        - {address: 10.20.0.7, labels: {app: payments}}
      """;

  static ProxyContext ctx(String yaml) {
    return Lds.ctx(Lds.snapshot(yaml, Lds.mesh("mesh-root"), SUFFIX), Lds.proxy(
        "sidecar~10.20.0.7~payments-0.pay~pay.svc." + SUFFIX, Map.of("LABELS", Map.of("app", "payments"))), SUFFIX);
  }

  static Listener virtualInbound(String yaml) {
    return Lds.listeners(ctx(yaml)).get("virtualInbound");
  }

  static List<FilterChain> chains(Listener l, String name) {
    return l.getFilterChainsList().stream().filter(fc -> fc.getName().equals(name)).toList();
  }

  static String peer(String ns, String selector, String mode, String portLevel) {
    return "\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: pa-" + ns
        + (selector.isEmpty() ? "" : "-w") + ", namespace: " + ns + "}\nspec:\n"
        + (selector.isEmpty() ? "" : "  selector: {matchLabels: {" + selector + "}}\n")
        + (mode.isEmpty() ? "" : "  mtls: {mode: " + mode + "}\n")
        + (portLevel.isEmpty() ? "" : "  portLevelMtls: {" + portLevel + "}\n");
  }

  @Test
  @DisplayName("no PeerAuthentication means PERMISSIVE: HTTP ports get mTLS + plaintext chains, TCP ports 3, sniffed ports 5")
  void permissiveByDefault() {
    Listener l = virtualInbound(WORKLOAD);
    assertThat(l.getAddress().getSocketAddress().getPortValue()).isEqualTo(15006);
    List<FilterChain> http = chains(l, "0.0.0.0_18080");
    assertThat(http).extracting(fc -> fc.getFilterChainMatch().getTransportProtocol()).containsExactly("tls", "raw_buffer");
    assertThat(http.get(0).getFilterChainMatch().getApplicationProtocolsList())
        .containsExactly("istio", "istio-peer-exchange", "istio-http/1.0", "istio-http/1.1", "istio-h2");
    assertThat(http.get(0).hasTransportSocket()).isTrue();
    assertThat(http.get(1).hasTransportSocket()).isFalse();
    assertThat(chains(l, "0.0.0.0_5000")).hasSize(3);
    assertThat(chains(l, "0.0.0.0_7000")).extracting(fc -> Lds.hcm(fc).isPresent())
        .containsExactly(true, true, false, false, false);
    assertThat(l.getFilterChains(0).getName()).isEqualTo("virtualInbound-blackhole");
    assertThat(l.getFilterChainsList()).extracting(FilterChain::getName).startsWith("virtualInbound-blackhole",
        "virtualInbound-catchall-http", "virtualInbound-catchall-http", "virtualInbound", "virtualInbound",
        "virtualInbound");
  }

  @Test
  @DisplayName("the inbound HTTP chain inlines route inbound|<target>|| with VH inbound|http|<service port> and route default")
  void inboundHttpChain() {
    FilterChain fc = chains(virtualInbound(WORKLOAD), "0.0.0.0_18080").get(1);
    assertThat(fc.getFilterChainMatch().getDestinationPort().getValue()).isEqualTo(18080);
    assertThat(fc.getFiltersList()).extracting(Filter::getName)
        .containsExactly("istio.metadata_exchange", Listeners.HTTP_CONNECTION_MANAGER);
    HttpConnectionManager hcm = Lds.hcm(fc).orElseThrow();
    assertThat(hcm.getStatPrefix()).isEqualTo("inbound_0.0.0.0_18080");
    assertThat(hcm.getRouteConfig().getName()).isEqualTo("inbound|18080||");
    assertThat(hcm.getRouteConfig().getVirtualHosts(0).getName()).isEqualTo("inbound|http|8080");
    assertThat(hcm.getRouteConfig().getVirtualHosts(0).getRoutes(0).getRoute().getCluster()).isEqualTo("inbound|18080||");
    assertThat(hcm.getRouteConfig().getVirtualHosts(0).getRoutes(0).getName()).isEqualTo("default");
    assertThat(hcm.getServerName()).isEqualTo("istio-envoy");
    assertThat(hcm.getForwardClientCertDetails()).isEqualTo(HttpConnectionManager.ForwardClientCertDetails.APPEND_FORWARD);
    assertThat(hcm.getHttpFiltersList()).extracting(HttpFilter::getName).containsExactly("istio.metadata_exchange",
        "envoy.filters.http.grpc_stats", "envoy.filters.http.fault", "envoy.filters.http.cors",
        "envoy.filters.http.router");
  }

  @Test
  @DisplayName("the mTLS chains require client certificates from SDS default/ROOTCA via sds-grpc, TLS 1.2-1.3, Istio ALPN")
  void inboundTls() {
    Listener l = virtualInbound(WORKLOAD + peer("pay", "", "STRICT", ""));
    DownstreamTlsContext http = Lds.tls(chains(l, "0.0.0.0_18080").get(0));
    assertThat(http.getRequireClientCertificate().getValue()).isTrue();
    assertThat(http.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2", "http/1.1");
    assertThat(http.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName()).isEqualTo("default");
    assertThat(http.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getSdsConfig().getApiConfigSource()
        .getGrpcServices(0).getEnvoyGrpc().getClusterName()).isEqualTo("sds-grpc");
    assertThat(http.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig()
        .getName()).isEqualTo("ROOTCA");
    assertThat(http.getCommonTlsContext().getTlsParams().getTlsMinimumProtocolVersion().name()).isEqualTo("TLSv1_2");
    assertThat(http.getCommonTlsContext().getTlsParams().getTlsMaximumProtocolVersion().name()).isEqualTo("TLSv1_3");
    DownstreamTlsContext tcp = Lds.tls(chains(l, "0.0.0.0_5000").get(0));
    assertThat(tcp.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("istio-peer-exchange", "h2", "http/1.1");
  }

  @Test
  @DisplayName("namespace STRICT: TLS chains only (sniffed port: mTLS HTTP + TCP); TCP chains proxy to inbound|<port>||")
  void namespaceStrict() {
    Listener l = virtualInbound(WORKLOAD + peer("pay", "", "STRICT", ""));
    assertThat(chains(l, "0.0.0.0_18080")).singleElement().extracting(fc -> fc.getFilterChainMatch()
        .getTransportProtocol()).isEqualTo("tls");
    assertThat(chains(l, "0.0.0.0_7000")).extracting(fc -> List.copyOf(fc.getFilterChainMatch().getApplicationProtocolsList()))
        .containsExactly(List.of("istio-http/1.0", "istio-http/1.1", "istio-h2"), List.<String>of());
    FilterChain tcp = chains(l, "0.0.0.0_5000").get(0);
    assertThat(Lds.tcpProxy(tcp).orElseThrow().getCluster()).isEqualTo("inbound|5000||");
    assertThat(chains(l, "virtualInbound")).singleElement();
  }

  @Test
  @DisplayName("a workload DISABLE overrides a mesh STRICT; a port-level STRICT overrides the workload mode")
  void workloadAndPortLevel() {
    String yaml = WORKLOAD + peer("mesh-root", "", "STRICT", "") + peer("pay", "app: payments", "DISABLE",
        "18080: {mode: STRICT}");
    Listener l = virtualInbound(yaml);
    assertThat(chains(l, "0.0.0.0_5000")).singleElement().satisfies(fc -> {
      assertThat(fc.getFilterChainMatch().getTransportProtocol()).isEqualTo("raw_buffer");
      assertThat(fc.hasTransportSocket()).isFalse();
    });
    assertThat(chains(l, "0.0.0.0_18080")).singleElement().extracting(FilterChain::hasTransportSocket).isEqualTo(true);
    // the passthrough default follows the workload mode (DISABLE): plaintext chains only
    assertThat(chains(l, "virtualInbound")).singleElement().extracting(fc -> fc.getFilterChainMatch()
        .getTransportProtocol()).isEqualTo("raw_buffer");
  }

  @Test
  @DisplayName("a port-level mode on a port the workload does not serve adds passthrough chains for that port")
  void portLevelPassthrough() {
    Listener l = virtualInbound(WORKLOAD + peer("pay", "app: payments", "PERMISSIVE", "9443: {mode: STRICT}"));
    assertThat(chains(l, "virtualInbound")).filteredOn(fc -> fc.getFilterChainMatch().getDestinationPort()
        .getValue() == 9443).singleElement().satisfies(fc -> {
          assertThat(fc.getFilterChainMatch().getTransportProtocol()).isEqualTo("tls");
          assertThat(fc.getFilterChainMatch().getPrefixRanges(0).getAddressPrefix()).isEqualTo("0.0.0.0");
          assertThat(Lds.tcpProxy(fc).orElseThrow().getCluster()).isEqualTo("InboundPassthroughClusterIpv4");
        });
  }

  @Test
  @DisplayName("listener filters: original_dst, TLS inspector off where no chain needs TLS, HTTP inspector off where no chain sniffs")
  void inspectors() {
    Listener l = virtualInbound(WORKLOAD + peer("pay", "app: payments", "PERMISSIVE", "5000: {mode: DISABLE}"));
    assertThat(l.getListenerFiltersList()).extracting(ListenerFilter::getName)
        .containsExactly(Listeners.ORIGINAL_DST, Listeners.TLS_INSPECTOR, Listeners.HTTP_INSPECTOR);
    ListenerFilter tls = l.getListenerFilters(1);
    assertThat(tls.getFilterDisabled().getOrMatch().getRulesList())
        .extracting(r -> r.getDestinationPortRange().getStart()).containsExactly(5000, 15006);
    ListenerFilter http = l.getListenerFilters(2);
    assertThat(http.getFilterDisabled().getOrMatch().getRulesList())
        .extracting(r -> r.getDestinationPortRange().getStart()).containsExactly(5000, 15006, 18080);
  }

  @Test
  @DisplayName("TPROXY interception: virtualInbound is transparent and adds original_src")
  void tproxy() {
    ProxyContext ctx = Lds.ctx(Lds.snapshot(WORKLOAD, MeshConfigs.defaults(), SUFFIX), Lds.proxy(
        "sidecar~10.20.0.7~payments-0.pay~pay.svc." + SUFFIX, Map.of("INTERCEPTION_MODE", "TPROXY")), SUFFIX);
    Listener l = Lds.listeners(ctx).get("virtualInbound");
    assertThat(l.getTransparent().getValue()).isTrue();
    assertThat(l.getListenerFilters(1).getName()).isEqualTo(Listeners.ORIGINAL_SRC);
    assertThat(Lds.listeners(ctx).get("virtualOutbound").getTransparent().getValue()).isTrue();
  }

  @Test
  @DisplayName("InboundFilters: the HTTP policy filters sit after metadata exchange, the TCP ones before tcp_proxy")
  void inboundFiltersSeam() {
    HttpFilter rbac = HttpFilters.of("envoy.filters.http.rbac", RBAC.getDefaultInstance());
    Filter tcpRbac = Filter.newBuilder().setName("envoy.filters.network.rbac").build();
    InboundFilters authz = new InboundFilters() {
      @Override
      public List<HttpFilter> http(ProxyContext ctx) {
        return List.of(rbac);
      }

      @Override
      public List<Filter> tcp(ProxyContext ctx) {
        return List.of(tcpRbac);
      }
    };
    Listener l = Lds.listeners(ListenerGenerator.withInboundFilters(authz), ctx(WORKLOAD)).get("virtualInbound");
    assertThat(Lds.hcm(chains(l, "0.0.0.0_18080").get(0)).orElseThrow().getHttpFiltersList())
        .extracting(HttpFilter::getName).containsSequence("istio.metadata_exchange", "envoy.filters.http.rbac",
            "envoy.filters.http.grpc_stats");
    assertThat(chains(l, "0.0.0.0_5000").get(0).getFiltersList()).extracting(Filter::getName)
        .containsExactly("istio.metadata_exchange", "envoy.filters.network.rbac", Listeners.TCP_PROXY);
  }

  @Test
  @DisplayName("virtualOutbound: blackhole chain on 15001, catch-all to PassthroughCluster, BlackHoleCluster under REGISTRY_ONLY")
  void virtualOutbound() {
    Listener allow = Lds.listeners(ctx(WORKLOAD)).get("virtualOutbound");
    assertThat(allow.getUseOriginalDst().getValue()).isTrue();
    assertThat(allow.getAddress().getSocketAddress().getPortValue()).isEqualTo(15001);
    assertThat(allow.getFilterChainsList()).extracting(FilterChain::getName)
        .containsExactly("virtualOutbound-blackhole", "virtualOutbound-catchall-tcp");
    assertThat(allow.getFilterChains(0).getFilterChainMatch().getDestinationPort().getValue()).isEqualTo(15001);
    assertThat(Lds.tcpProxy(allow.getFilterChains(1)).orElseThrow().getCluster()).isEqualTo("PassthroughCluster");
    String sidecar = WORKLOAD + """
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: pay}
        spec:
          outboundTrafficPolicy: {mode: REGISTRY_ONLY}
        """;
    Map<String, Listener> blocked = Lds.listeners(ctx(sidecar));
    assertThat(Lds.tcpProxy(blocked.get("virtualOutbound").getFilterChains(1)).orElseThrow().getCluster())
        .isEqualTo("BlackHoleCluster");
  }

  @Test
  @DisplayName("Sidecar ingress listeners replace the service ports as inbound ports")
  void sidecarIngress() {
    String yaml = WORKLOAD + """
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: ingress, namespace: pay}
        spec:
          workloadSelector: {labels: {app: payments}}
          ingress:
          - port: {number: 9191, protocol: HTTP, name: admin}
            defaultEndpoint: 127.0.0.1:9000
        """;
    Listener l = virtualInbound(yaml);
    assertThat(chains(l, "0.0.0.0_9191")).hasSize(2);
    assertThat(chains(l, "0.0.0.0_18080")).isEmpty();
  }
}
