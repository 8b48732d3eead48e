package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboundListenersTest {
  static final String SUFFIX = "corp.example";

  /** Kubernetes services in "shop" with the corp.example suffix, seen from a sidecar in "web". */
  static final String MESH = """
      apiVersion: v1
      kind: Service
      metadata: {name: cart, namespace: shop}
      spec:
        clusterIP: 10.8.0.10
        ports: [{name: http-api, port: 7070}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: orders, namespace: shop}
      spec:
        clusterIP: 10.8.0.11
        ports: [{name: http, port: 7070}, {name: tcp-db, port: 5432}, {name: sniffed, port: 9999}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ledger, namespace: shop}
      spec:
        clusterIP: 10.8.0.12
        ports: [{name: tcp, port: 5432}]
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: bank, namespace: shop}
      spec:
        hosts: [api.bank.test]
        ports: [{number: 443, name: tls, protocol: TLS}]
        resolution: DNS
      """;

  static ProxyContext web(MeshSnapshot s, Map<String, Object> meta) {
    return Lds.ctx(s, Lds.proxy("sidecar~10.9.0.5~web-1.web~web.svc." + SUFFIX, meta), SUFFIX);
  }

  static Map<String, Listener> listeners(String yaml, Map<String, Object> meta) {
    return Lds.listeners(web(Lds.snapshot(yaml, MeshConfigs.defaults(), SUFFIX), meta));
  }

  @Test
  @DisplayName("HTTP ports share one 0.0.0.0_<port> listener, bindToPort false, an HCM on RDS <port> for sniffed HTTP, passthrough otherwise")
  void httpPort() {
    Listener l = listeners(MESH, Map.of()).get("0.0.0.0_7070");
    assertThat(l.getBindToPort().getValue()).isFalse();
    assertThat(l.hasBindToPort()).isTrue();
    assertThat(l.getAddress().getSocketAddress().getAddress()).isEqualTo("0.0.0.0");
    assertThat(l.getListenerFiltersList()).extracting(ListenerFilter::getName)
        .containsExactly(Listeners.TLS_INSPECTOR, Listeners.HTTP_INSPECTOR);
    FilterChain http = l.getFilterChains(0);
    assertThat(l.getFilterChainsCount()).isEqualTo(1);
    assertThat(http.getFilterChainMatch().getApplicationProtocolsList()).containsExactly("http/1.1", "h2c");
    assertThat(http.getFilterChainMatch().getTransportProtocol()).isEqualTo("raw_buffer");
    HttpConnectionManager hcm = Lds.hcm(http).orElseThrow();
    assertThat(hcm.getRds().getRouteConfigName()).isEqualTo("7070");
    assertThat(hcm.getRds().getConfigSource().hasAds()).isTrue();
    assertThat(hcm.getStatPrefix()).isEqualTo("outbound_0.0.0.0_7070");
    assertThat(l.getDefaultFilterChain().getName()).isEqualTo("PassthroughFilterChain");
    assertThat(Lds.tcpProxy(l.getDefaultFilterChain()).orElseThrow().getCluster()).isEqualTo("PassthroughCluster");
  }

  @Test
  @DisplayName("the outbound HCM is istiod's: filters MX, grpc_stats, alpn, fault, cors, router last; idle 0; websocket; no remote address")
  void outboundHcm() {
    HttpConnectionManager hcm = Lds.hcm(listeners(MESH, Map.of()).get("0.0.0.0_7070").getFilterChains(0)).orElseThrow();
    assertThat(hcm.getHttpFiltersList()).extracting(HttpFilter::getName).containsExactly("istio.metadata_exchange",
        "envoy.filters.http.grpc_stats", "istio.alpn", "envoy.filters.http.fault", "envoy.filters.http.cors",
        "envoy.filters.http.router");
    assertThat(hcm.getStreamIdleTimeout().getSeconds()).isZero();
    assertThat(hcm.hasStreamIdleTimeout()).isTrue();
    assertThat(hcm.getUpgradeConfigsList()).extracting(u -> u.getUpgradeType()).containsExactly("websocket");
    assertThat(hcm.getUseRemoteAddress().getValue()).isFalse();
    assertThat(hcm.getNormalizePath().getValue()).isTrue();
    assertThat(hcm.getServerName()).isEmpty();
    assertThat(hcm.getTracing().getRandomSampling().getValue()).isEqualTo(1.0);
    assertThat(hcm.getAccessLogList()).isEmpty();
  }

  @Test
  @DisplayName("TCP ports bind the VIP and proxy to outbound|<port>||<host>; two TCP services on one port keep their own VIPs")
  void tcpPort() {
    Map<String, Listener> ls = listeners(MESH, Map.of());
    assertThat(ls).containsKeys("10.8.0.11_5432", "10.8.0.12_5432");
    Listener l = ls.get("10.8.0.12_5432");
    assertThat(l.getFilterChainsCount()).isEqualTo(1);
    assertThat(l.hasDefaultFilterChain()).isFalse();
    assertThat(l.getListenerFiltersList()).isEmpty();
    TcpProxy tcp = Lds.tcpProxy(l.getFilterChains(0)).orElseThrow();
    assertThat(tcp.getCluster()).isEqualTo("outbound|5432||ledger.shop.svc.corp.example");
    assertThat(tcp.getStatPrefix()).isEqualTo(tcp.getCluster());
  }

  @Test
  @DisplayName("a sniffed port binds the VIP: HTTP chain (ALPN http/1.1,h2c) with RDS <host>:<port>, TCP default chain")
  void autoPort() {
    Listener l = listeners(MESH, Map.of()).get("10.8.0.11_9999");
    assertThat(l.getListenerFiltersList()).extracting(ListenerFilter::getName)
        .containsExactly(Listeners.TLS_INSPECTOR, Listeners.HTTP_INSPECTOR);
    assertThat(l.getFilterChainsCount()).isEqualTo(1);
    assertThat(Lds.hcm(l.getFilterChains(0)).orElseThrow().getRds().getRouteConfigName())
        .isEqualTo("orders.shop.svc.corp.example:9999");
    assertThat(Lds.tcpProxy(l.getDefaultFilterChain()).orElseThrow().getCluster())
        .isEqualTo("outbound|9999||orders.shop.svc.corp.example");
  }

  @Test
  @DisplayName("a TLS port without VirtualService proxies to its cluster; TLS routes become SNI chains with the TLS inspector")
  void tlsRoutes() {
    String yaml = MESH + """
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: bank-split, namespace: shop}
        spec:
          hosts: [api.bank.test]
          tls:
          - match: [{sniHosts: [api.bank.test], port: 443}]
            route:
            - {destination: {host: api.bank.test}, weight: 80}
            - {destination: {host: api.bank.test, subset: canary}, weight: 20}
        """;
    Listener plain = listeners(MESH, Map.of()).get("0.0.0.0_443");
    assertThat(Lds.tcpProxy(plain.getFilterChains(0)).orElseThrow().getCluster()).isEqualTo("outbound|443||api.bank.test");
    Listener l = listeners(yaml, Map.of()).get("0.0.0.0_443");
    FilterChain fc = l.getFilterChains(0);
    assertThat(fc.getFilterChainMatch().getServerNamesList()).containsExactly("api.bank.test");
    assertThat(l.getListenerFiltersList()).extracting(ListenerFilter::getName).containsExactly(Listeners.TLS_INSPECTOR);
    TcpProxy tcp = Lds.tcpProxy(fc).orElseThrow();
    assertThat(tcp.getStatPrefix()).isEqualTo("bank-split.shop");
    assertThat(tcp.getWeightedClusters().getClustersList()).extracting(c -> c.getName() + "=" + c.getWeight())
        .containsExactly("outbound|443||api.bank.test=80", "outbound|443|canary|api.bank.test=20");
    assertThat(fc.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("config").getStringValue())
        .isEqualTo("/apis/networking.istio.io/v1alpha3/namespaces/shop/virtual-service/bank-split");
  }

  @Test
  @DisplayName("TCP VirtualService routes: a match-less route replaces the default cluster, subnet matches add CIDR chains")
  void tcpRoutes() {
    String yaml = MESH + """
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ledger-move, namespace: shop}
        spec:
          hosts: [ledger.shop.svc.corp.example]
          tcp:
          - match: [{destinationSubnets: [10.77.0.0/16]}]
            route: [{destination: {host: orders.shop.svc.corp.example, port: {number: 5432}}}]
          - route: [{destination: {host: ledger.shop.svc.corp.example, subset: v2}}]
        """;
    Listener l = listeners(yaml, Map.of()).get("10.8.0.12_5432");
    assertThat(l.getFilterChainsCount()).isEqualTo(1);
    FilterChain cidr = l.getFilterChains(0);
    assertThat(cidr.getFilterChainMatch().getPrefixRanges(0).getAddressPrefix()).isEqualTo("10.77.0.0");
    assertThat(cidr.getFilterChainMatch().getPrefixRanges(0).getPrefixLen().getValue()).isEqualTo(16);
    assertThat(Lds.tcpProxy(cidr).orElseThrow().getCluster()).isEqualTo("outbound|5432||orders.shop.svc.corp.example");
    assertThat(Lds.tcpProxy(l.getDefaultFilterChain()).orElseThrow().getCluster())
        .isEqualTo("outbound|5432|v2|ledger.shop.svc.corp.example");
  }

  @Test
  @DisplayName("interception NONE: outbound listeners bind 127.0.0.1 for real; no virtual listeners")
  void interceptionNone() {
    Map<String, Listener> ls = listeners(MESH, Map.of("INTERCEPTION_MODE", "NONE"));
    assertThat(ls).doesNotContainKeys("virtualOutbound", "virtualInbound").containsKeys("127.0.0.1_7070",
        "127.0.0.1_5432");
    assertThat(ls.get("127.0.0.1_7070").hasBindToPort()).isFalse();
  }

  @Test
  @DisplayName("mesh accessLogFile puts a file access log on HCMs and TCP proxies")
  void accessLog() {
    MeshConfig mesh = MeshConfig.builder().from(MeshConfigs.defaults()).accessLogFile("/dev/stdout").build();
    Map<String, Listener> ls = Lds.listeners(web(Lds.snapshot(MESH, mesh, SUFFIX), Map.of()));
    HttpConnectionManager hcm = Lds.hcm(ls.get("0.0.0.0_7070").getFilterChains(0)).orElseThrow();
    assertThat(hcm.getAccessLogList()).extracting(a -> a.getName()).containsExactly("envoy.access_loggers.file");
    assertThat(Lds.tcpProxy(ls.get("10.8.0.12_5432").getFilterChains(0)).orElseThrow().getAccessLogCount()).isOne();
    assertThat(ls.get("virtualOutbound").getAccessLog(0).getFilter().getResponseFlagFilter().getFlagsList())
        .containsExactly("NR");
  }

  @Test
  @DisplayName("a Sidecar importing only one namespace limits the outbound listeners to its services")
  void sidecarScope() {
    String yaml = MESH + """
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: web}
        spec:
          egress: [{hosts: ["./*"]}]
        """;
    assertThat(listeners(yaml, Map.of()).keySet()).containsExactlyInAnyOrder("virtualOutbound", "virtualInbound");
  }

  @Test
  @DisplayName("IDLE_TIMEOUT (a Go duration) sets the HCM and TCP proxy idle timeouts; HTTP10=1 accepts HTTP/1.0")
  void nodeMetadataKnobs() {
    Map<String, Listener> ls = listeners(MESH, Map.of("IDLE_TIMEOUT", "1m30s", "HTTP10", "1"));
    HttpConnectionManager hcm = Lds.hcm(ls.get("0.0.0.0_7070").getFilterChains(0)).orElseThrow();
    assertThat(hcm.getCommonHttpProtocolOptions().getIdleTimeout().getSeconds()).isEqualTo(90);
    assertThat(hcm.getHttpProtocolOptions().getAcceptHttp10()).isTrue();
    assertThat(Lds.tcpProxy(ls.get("10.8.0.12_5432").getFilterChains(0)).orElseThrow().getIdleTimeout().getSeconds())
        .isEqualTo(90);
    assertThat(Lds.tcpProxy(ls.get("virtualOutbound").getFilterChains(1)).orElseThrow().getIdleTimeout().getSeconds())
        .isEqualTo(90);
    assertThat(Listeners.goDuration("1.5s").orElseThrow().getNanos()).isEqualTo(500_000_000);
    assertThat(Listeners.goDuration("ten")).isEmpty();
    Map<String, Listener> bad = listeners(MESH, Map.of("IDLE_TIMEOUT", "forever"));
    assertThat(Lds.tcpProxy(bad.get("10.8.0.12_5432").getFilterChains(0)).orElseThrow().hasIdleTimeout()).isFalse();
  }
}
