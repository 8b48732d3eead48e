package dev.meshwright.xds.gateway;

import static dev.meshwright.xds.gateway.GatewayFixtures.hcm;
import static dev.meshwright.xds.gateway.GatewayFixtures.listeners;
import static dev.meshwright.xds.gateway.GatewayFixtures.router;
import static dev.meshwright.xds.gateway.GatewayFixtures.serverNames;
import static dev.meshwright.xds.gateway.GatewayFixtures.tcpProxy;
import static dev.meshwright.xds.gateway.GatewayFixtures.tls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayListenerGeneratorTest {
  private static final Map<String, String> INGRESS = Map.of("istio", "ingressgateway");

  static String gateway(String name, String ns, String servers) {
    return "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: " + name + ", namespace: " + ns
        + "}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n" + servers;
  }

  static String server(int port, String name, String protocol, String hosts, String tls) {
    return "  - port: {number: " + port + ", name: " + name + ", protocol: " + protocol + "}\n    hosts: " + hosts + "\n"
        + (tls.isEmpty() ? "" : "    tls: " + tls + "\n");
  }

  static String tlsRoute(String name, String ns, String gateway, String sni, String dest, int port) {
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + name + ", namespace: "
        + ns + "}\nspec:\n  hosts: [" + sni + "]\n  gateways: [" + gateway + "]\n  tls:\n  - match: [{sniHosts: [" + sni
        + "]}]\n    route: [{destination: {host: " + dest + ", port: {number: " + port + "}}}]\n";
  }

  @Test
  @DisplayName("HTTP servers of two Gateways (one in another namespace) on one port share one bound listener and one HCM with RDS http.<port>")
  void httpMerged() {
    ProxyContext ctx = router(gateway("a", "edge", server(80, "http", "HTTP", "['a.corp.example']", ""))
        + gateway("b", "apps", server(80, "http-b", "HTTP", "['b.corp.example']", "")), "edge", INGRESS);
    Map<String, Listener> ls = listeners(ctx);
    assertThat(ls).containsOnlyKeys("0.0.0.0_80");
    Listener l = ls.get("0.0.0.0_80");
    assertThat(l.getAddress().getSocketAddress().getAddress()).isEqualTo("0.0.0.0");
    assertThat(l.getAddress().getSocketAddress().getPortValue()).isEqualTo(80);
    assertThat(l.hasBindToPort()).isFalse();
    assertThat(l.getListenerFiltersList()).isEmpty();
    assertThat(l.getFilterChainsList()).singleElement().satisfies(fc -> {
      assertThat(fc.hasFilterChainMatch()).isFalse();
      HttpConnectionManager h = hcm(fc);
      assertThat(h.getRds().getRouteConfigName()).isEqualTo("http.80");
      assertThat(h.getRds().getConfigSource().hasAds()).isTrue();
      assertThat(h.getStatPrefix()).isEqualTo("outbound_0.0.0.0_80");
      assertThat(h.getUseRemoteAddress().getValue()).isTrue();
      assertThat(h.getForwardClientCertDetails()).isEqualTo(HttpConnectionManager.ForwardClientCertDetails.SANITIZE_SET);
      assertThat(h.getSetCurrentClientCertDetails().getDns()).isTrue();
      assertThat(h.getXffNumTrustedHops()).isZero();
      assertThat(h.getHttpFiltersList()).last().extracting(f -> f.getName()).isEqualTo("envoy.filters.http.router");
    });
  }

  @Test
  @DisplayName("an HTTPS server becomes a TLS chain matching its SNI hosts without ns/ prefix, de-duplicated and sorted, with RDS https.<port>.<portName>.<gw>.<ns>")
  void httpsSni() {
    ProxyContext ctx = router(gateway("web", "edge", server(443, "https-web", "HTTPS",
        "['z.corp.example', 'edge/a.corp.example', a.corp.example, './m.corp.example']",
        "{mode: SIMPLE, credentialName: web-cert}")), "edge", INGRESS);
    Listener l = listeners(ctx).get("0.0.0.0_443");
    assertThat(l.getListenerFiltersList()).extracting(f -> f.getName()).containsExactly("envoy.filters.listener.tls_inspector");
    FilterChain fc = l.getFilterChains(0);
    assertThat(serverNames(fc)).containsExactly("a.corp.example", "m.corp.example", "z.corp.example");
    assertThat(hcm(fc).getRds().getRouteConfigName()).isEqualTo("https.443.https-web.web.edge");
    DownstreamTlsContext t = tls(fc);
    assertThat(t.getRequireClientCertificate().getValue()).isFalse();
    assertThat(t.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2", "http/1.1");
    assertThat(t.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList()).singleElement().satisfies(sds -> {
      assertThat(sds.getName()).isEqualTo("kubernetes://web-cert");
      assertThat(sds.getSdsConfig().hasAds()).isTrue();
      assertThat(sds.getSdsConfig().hasInitialFetchTimeout()).isFalse();
    });
    assertThat(t.getCommonTlsContext().hasCombinedValidationContext()).isFalse();
  }

  @Test
  @DisplayName("MUTUAL requires a client certificate validated by <credential>-cacert; OPTIONAL_MUTUAL validates without requiring")
  void mutualModes() {
    ProxyContext ctx = router(gateway("m", "edge", server(443, "https-m", "HTTPS", "[m.corp.example]",
        "{mode: MUTUAL, credentialName: kubernetes://edge/mcert, subjectAltNames: [client.corp.example]}")
        + server(443, "https-o", "HTTPS", "[o.corp.example]", "{mode: OPTIONAL_MUTUAL, credentialName: ocert}")),
        "edge", INGRESS);
    Listener l = listeners(ctx).get("0.0.0.0_443");
    assertThat(l.getFilterChainsList()).hasSize(2);
    DownstreamTlsContext mutual = tls(l.getFilterChains(0));
    assertThat(mutual.getRequireClientCertificate().getValue()).isTrue();
    assertThat(mutual.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName()).isEqualTo("kubernetes://edge/mcert");
    var combined = mutual.getCommonTlsContext().getCombinedValidationContext();
    assertThat(combined.getValidationContextSdsSecretConfig().getName()).isEqualTo("kubernetes://edge/mcert-cacert");
    assertThat(combined.getValidationContextSdsSecretConfig().getSdsConfig().hasAds()).isTrue();
    @SuppressWarnings("deprecation")
    var sans = combined.getDefaultValidationContext().getMatchSubjectAltNamesList();
    assertThat(sans).extracting(m -> m.getExact()).containsExactly("client.corp.example");
    DownstreamTlsContext optional = tls(l.getFilterChains(1));
    assertThat(optional.getRequireClientCertificate().getValue()).isFalse();
    assertThat(optional.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig()
        .getName()).isEqualTo("kubernetes://ocert-cacert");
  }

  @Test
  @DisplayName("ISTIO_MUTUAL uses the workload certificates default/ROOTCA from sds-grpc and requires a client certificate; builtin:// maps to default")
  void istioMutualAndBuiltin() {
    ProxyContext ctx = router(gateway("g", "edge", server(15443, "https-mesh", "HTTPS", "['*.corp.example']",
        "{mode: ISTIO_MUTUAL}") + server(8443, "https-b", "HTTPS", "[b.corp.example]",
        "{mode: SIMPLE, credentialName: 'builtin://'}")), "edge", INGRESS);
    Map<String, Listener> ls = listeners(ctx);
    DownstreamTlsContext mesh = tls(ls.get("0.0.0.0_15443").getFilterChains(0));
    assertThat(mesh.getRequireClientCertificate().getValue()).isTrue();
    var common = mesh.getCommonTlsContext();
    assertThat(common.getTlsCertificateSdsSecretConfigs(0).getName()).isEqualTo("default");
    assertThat(common.getTlsCertificateSdsSecretConfigs(0).getSdsConfig().getApiConfigSource().getGrpcServices(0)
        .getEnvoyGrpc().getClusterName()).isEqualTo("sds-grpc");
    assertThat(common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName()).isEqualTo("ROOTCA");
    DownstreamTlsContext builtin = tls(ls.get("0.0.0.0_8443").getFilterChains(0));
    assertThat(builtin.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName()).isEqualTo("default");
    assertThat(builtin.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getSdsConfig().hasApiConfigSource())
        .isTrue();
  }

  @Test
  @DisplayName("PASSTHROUGH servers get TCP chains by the SNI hosts of VirtualService tls routes, next to a terminating HTTPS chain")
  void passthrough() {
    ProxyContext ctx = router(gateway("gw", "edge", server(443, "https", "HTTPS", "['*.shop.corp.example']",
        "{mode: SIMPLE, credentialName: shop}")
        + server(443, "tls-db", "TLS", "[db.corp.example]", "{mode: PASSTHROUGH}"))
        + tlsRoute("db", "edge", "gw", "db.corp.example", "db.data.svc.corp.example", 5432)
        + tlsRoute("elsewhere", "edge", "other-gw", "x.corp.example", "x.data.svc.corp.example", 5432), "edge", INGRESS);
    Listener l = listeners(ctx).get("0.0.0.0_443");
    assertThat(l.getFilterChainsList()).hasSize(2);
    FilterChain db = l.getFilterChains(1);
    assertThat(serverNames(db)).containsExactly("db.corp.example");
    assertThat(db.hasTransportSocket()).isFalse();
    assertThat(tcpProxy(db).getCluster()).isEqualTo("outbound|5432||db.data.svc.corp.example");
    assertThat(tcpProxy(db).getStatPrefix()).isEqualTo("outbound|5432||db.data.svc.corp.example");
  }

  @Test
  @DisplayName("AUTO_PASSTHROUGH gets one chain per SNI-DNAT cluster of the mesh services its hosts cover, subsets included")
  void autoPassthrough() {
    String yaml = gateway("cross", "istio-system", server(15443, "tls", "TLS", "['*.svc.corp.example']",
        "{mode: AUTO_PASSTHROUGH}"))
        + "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: reviews, namespace: apps}\n"
        + "spec: {hosts: [reviews.apps.svc.corp.example], location: MESH_INTERNAL, resolution: STATIC,"
        + " ports: [{number: 9080, name: http, protocol: HTTP}], endpoints: [{address: 10.1.1.1}]}\n"
        + "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ext, namespace: apps}\n"
        + "spec: {hosts: [ext.svc.corp.example], location: MESH_EXTERNAL, resolution: DNS,"
        + " ports: [{number: 443, name: tls, protocol: TLS}]}\n"
        + "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews, namespace: apps}\n"
        + "spec: {host: reviews.apps.svc.corp.example, subsets: [{name: v1, labels: {version: v1}}]}\n";
    Listener l = listeners(router(yaml, "istio-system", INGRESS)).get("0.0.0.0_15443");
    assertThat(l.getFilterChainsList()).extracting(GatewayFixtures::serverNames).containsExactly(
        java.util.List.of("outbound_.9080_._.reviews.apps.svc.corp.example"),
        java.util.List.of("outbound_.9080_.v1_.reviews.apps.svc.corp.example"));
    assertThat(l.getFilterChains(1).getFilterChainMatch().getApplicationProtocolsList())
        .containsExactly("istio", "istio-peer-exchange", "istio-http/1.0", "istio-http/1.1", "istio-h2");
    assertThat(tcpProxy(l.getFilterChains(1)).getCluster()).isEqualTo("outbound_.9080_.v1_.reviews.apps.svc.corp.example");
  }

  @Test
  @DisplayName("a TCP server forwards by the first matching VirtualService tcp route; without one the listener is left out with a diagnostic")
  void tcp() {
    String gw = gateway("db", "edge", server(3306, "mysql", "TCP", "['*']", ""));
    String vs = "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: db, namespace: edge}\n"
        + "spec: {hosts: ['*'], gateways: [db], tcp: [{match: [{port: 3306}], route: [{destination: {host: mysql.data.svc.corp.example, port: {number: 3306}}, weight: 80},"
        + " {destination: {host: mysql2.data.svc.corp.example, port: {number: 3306}}, weight: 20}]}]}\n";
    Listener l = listeners(router(gw + vs, "edge", INGRESS)).get("0.0.0.0_3306");
    var tcp = tcpProxy(l.getFilterChains(0));
    assertThat(tcp.getStatPrefix()).isEqualTo("db.edge");
    assertThat(tcp.getWeightedClusters().getClustersList()).extracting(c -> c.getName() + "=" + c.getWeight())
        .containsExactly("outbound|3306||mysql.data.svc.corp.example=80", "outbound|3306||mysql2.data.svc.corp.example=20");
    var out = new GatewayListenerGenerator().generate(router(gw, "edge", INGRESS), java.util.Set.of());
    assertThat(out.resources()).isEmpty();
    assertThat(out.diagnostics()).anyMatch(d -> d.message().contains("0.0.0.0_3306"));
  }

  @Test
  @DisplayName("a Gateway port that is a Service port of the proxy listens on the target port; gatewayTopology sets xffNumTrustedHops")
  void portTranslationAndTopology() {
    String yaml = gateway("g", "edge", server(80, "http", "HTTP", "['*']", ""))
        + GatewayFixtures.gatewayService("edge", "ingress.edge.svc.corp.example", "10.9.0.7", 80, 8080, "{istio: ingressgateway}");
    ProxyContext ctx = router(GatewayFixtures.snapshot(yaml, MeshConfigs.defaults()), "edge", INGRESS,
        Map.of("PROXY_CONFIG", Map.of("gatewayTopology", Map.of("numTrustedProxies", 2))));
    Map<String, Listener> ls = listeners(ctx);
    assertThat(ls).containsOnlyKeys("0.0.0.0_8080");
    HttpConnectionManager h = hcm(ls.get("0.0.0.0_8080").getFilterChains(0));
    assertThat(h.getRds().getRouteConfigName()).isEqualTo("http.8080");
    assertThat(h.getXffNumTrustedHops()).isEqualTo(2);
  }

  @Test
  @DisplayName("a second TLS server repeating a host on the same port is skipped with a diagnostic; a proxy no Gateway selects gets nothing")
  void duplicatesAndUnselected() {
    String yaml = gateway("a", "edge", server(443, "https-a", "HTTPS", "[same.corp.example]", "{mode: SIMPLE, credentialName: a}"))
        + gateway("b", "other", server(443, "https-b", "HTTPS", "[same.corp.example]", "{mode: SIMPLE, credentialName: b}"));
    var out = new GatewayListenerGenerator().generate(router(yaml, "edge", INGRESS), java.util.Set.of());
    assertThat(out.resources()).singleElement().satisfies(r ->
        assertThat(((Listener) r.message()).getFilterChainsList()).hasSize(1));
    assertThat(out.diagnostics()).anyMatch(d -> d.name().equals("b") && d.message().contains("duplicate"));
    assertThat(listeners(router(yaml, "edge", Map.of("istio", "egressgateway")))).isEmpty();
  }

  @Test
  @DisplayName("through istiod's generator set, an AuthorizationPolicy selecting the gateway puts RBAC after metadata exchange in its HCM")
  void gatewayAuthorization() {
    String yaml = gateway("g", "edge", server(80, "http", "HTTP", "['*']", ""))
        + "---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny-admin, namespace: edge}\n"
        + "spec: {selector: {matchLabels: {istio: ingressgateway}}, action: DENY, rules: [{to: [{operation: {paths: [/admin]}}]}]}\n";
    ProxyContext ctx = router(yaml, "edge", INGRESS);
    var out = dev.meshwright.xds.istiod.Istiod.generator(ctx.options()).generate(ctx.snapshot(), ctx.proxy());
    Listener l = (Listener) out.get(dev.meshwright.xds.TypeUrls.LISTENER, "0.0.0.0_80").orElseThrow().message();
    assertThat(hcm(l.getFilterChains(0)).getHttpFiltersList()).extracting(f -> f.getName()).startsWith(
        "istio.metadata_exchange", "envoy.filters.http.rbac").endsWith("envoy.filters.http.router");
  }

  @Test
  @DisplayName("every TLS mode on one gateway passes istiod's output checks (Envoy proto rules) without errors; ISTIO_MUTUAL TLS servers offer istio-peer-exchange first")
  void allModesValid() {
    String yaml = gateway("all", "edge", server(80, "http", "HTTP", "['*']", "{httpsRedirect: true}")
        + server(443, "simple", "HTTPS", "[s.corp.example]", "{mode: SIMPLE, credentialName: s, minProtocolVersion: TLSV1_2, cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256]}")
        + server(443, "mutual", "HTTPS", "[m.corp.example]", "{mode: MUTUAL, credentialName: m}")
        + server(443, "optional", "HTTPS", "[o.corp.example]", "{mode: OPTIONAL_MUTUAL, credentialName: o}")
        + server(443, "files", "HTTPS", "[f.corp.example]", "{mode: SIMPLE, serverCertificate: /etc/c.pem, privateKey: /etc/k.pem}")
        + server(443, "pass", "TLS", "[p.corp.example]", "{mode: PASSTHROUGH}")
        + server(15443, "auto", "TLS", "['*.corp.example']", "{mode: AUTO_PASSTHROUGH}")
        + server(9443, "mesh-tcp", "TLS", "[t.corp.example]", "{mode: ISTIO_MUTUAL}"))
        + tlsRoute("p", "edge", "all", "p.corp.example", "p.data.svc.corp.example", 443)
        + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: t, namespace: edge}\n"
        + "spec: {hosts: [t.corp.example], gateways: [all], tcp: [{route: [{destination: {host: t.data.svc.corp.example, port: {number: 9000}}}]}]}\n";
    ProxyContext ctx = router(yaml, "edge", INGRESS);
    var out = dev.meshwright.xds.istiod.Istiod.generator(ctx.options()).generate(ctx.snapshot(), ctx.proxy());
    assertThat(out.diagnostics()).noneMatch(dev.meshwright.api.Diagnostic::isError);
    assertThat(out.of(dev.meshwright.xds.TypeUrls.LISTENER)).containsOnlyKeys("0.0.0.0_80", "0.0.0.0_443", "0.0.0.0_9443");
    Listener l443 = (Listener) out.get(dev.meshwright.xds.TypeUrls.LISTENER, "0.0.0.0_443").orElseThrow().message();
    assertThat(l443.getFilterChainsList()).hasSize(5);
    FilterChain files = l443.getFilterChains(3);
    assertThat(tls(files).getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName())
        .isEqualTo("file-cert:/etc/c.pem~/etc/k.pem");
    assertThat(tls(l443.getFilterChains(0)).getCommonTlsContext().getTlsParams().getCipherSuitesList())
        .containsExactly("ECDHE-RSA-AES128-GCM-SHA256");
    Listener l9443 = (Listener) out.get(dev.meshwright.xds.TypeUrls.LISTENER, "0.0.0.0_9443").orElseThrow().message();
    FilterChain mesh = l9443.getFilterChains(0);
    assertThat(tls(mesh).getCommonTlsContext().getAlpnProtocolsList()).containsExactly("istio-peer-exchange", "h2", "http/1.1");
    assertThat(mesh.getFiltersList()).extracting(f -> f.getName())
        .containsExactly("istio.metadata_exchange", "envoy.filters.network.tcp_proxy");
  }

  /** An HTTP server on 80 and a TCP server on 9000 routed to db:5432. */
  private static final String HTTP_AND_TCP = gateway("web", "edge", server(80, "http", "HTTP", "['a.corp.example']", "")
        + server(9000, "tcp", "TCP", "['*']", ""))
        + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: db, namespace: edge}\n"
        + "spec:\n  hosts: ['*']\n  gateways: [web]\n  tcp: [{route: [{destination: {host: db.corp.example, port: {number: 5432}}}]}]\n";

  @Test
  @DisplayName("Telemetry metrics: istio.stats (host-header fallback off) before the gateway router and tcp_proxy; a Telemetry selecting a Gateway API gateway's pods disables them there only")
  void telemetryFilters() {
    String yaml = HTTP_AND_TCP
        + "---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: mesh, namespace: istio-system}\n"
        + "spec:\n  metrics: [{providers: [{name: prometheus}]}]\n"
        + "---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: quiet-gw, namespace: edge}\n"
        + "spec:\n  selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: public}}\n"
        + "  metrics: [{overrides: [{disabled: true}]}]\n";
    MeshSnapshot s = GatewayFixtures.snapshot(yaml, MeshConfigs.defaults());
    Map<String, Listener> ls = listeners(GatewayFixtures.router(s, "edge", INGRESS, Map.of()));
    List<String> http = hcm(ls.get("0.0.0.0_80").getFilterChains(0)).getHttpFiltersList().stream()
        .map(f -> f.getName()).toList();
    assertThat(http).endsWith("envoy.filters.http.cors", "istio.stats", "envoy.filters.http.router");
    assertThat(ls.get("0.0.0.0_9000").getFilterChains(0).getFiltersList()).extracting(f -> f.getName())
        .containsExactly("istio.stats", "envoy.filters.network.tcp_proxy");
    // disable_host_header_fallback (field 6) = true is the config's only field: bytes 0x30 0x01
    assertThat(hcm(ls.get("0.0.0.0_80").getFilterChains(0)).getHttpFiltersList().stream()
        .filter(f -> f.getName().equals("istio.stats")).findFirst().orElseThrow().getTypedConfig().getValue()
        .toByteArray()).containsExactly(0x30, 0x01);

    Map<String, String> k8sGateway = Map.of("istio", "ingressgateway",
        "gateway.networking.k8s.io/gateway-name", "public");
    Map<String, Listener> quiet = listeners(GatewayFixtures.router(s, "edge", k8sGateway, Map.of()));
    assertThat(hcm(quiet.get("0.0.0.0_80").getFilterChains(0)).getHttpFiltersList()).extracting(f -> f.getName())
        .doesNotContain("istio.stats");
  }

  @Test
  @DisplayName("the mesh accessLogFile reaches gateway HCMs, TCP proxies and (NR only) the listener, as istiod's gateway class")
  void accessLogFile() {
    String yaml = HTTP_AND_TCP;
    dev.meshwright.api.mesh.MeshConfig mesh = dev.meshwright.api.mesh.MeshConfig.builder().from(MeshConfigs.defaults())
        .accessLogFile("/dev/stdout").build();
    Map<String, Listener> ls = listeners(GatewayFixtures.router(GatewayFixtures.snapshot(yaml, mesh), "edge", INGRESS,
        Map.of()));
    assertThat(hcm(ls.get("0.0.0.0_80").getFilterChains(0)).getAccessLogList()).singleElement()
        .satisfies(al -> assertThat(al.getName()).isEqualTo("envoy.access_loggers.file"));
    assertThat(tcpProxy(ls.get("0.0.0.0_9000").getFilterChains(0)).getAccessLogCount()).isOne();
    assertThat(ls.get("0.0.0.0_80").getAccessLogList()).singleElement()
        .satisfies(al -> assertThat(al.getFilter().getResponseFlagFilter().getFlagsList()).containsExactly("NR"));
    Map<String, Listener> plain = listeners(router(yaml, "edge", INGRESS));
    assertThat(hcm(plain.get("0.0.0.0_80").getFilterChains(0)).getAccessLogList()).isEmpty();
    assertThat(plain.get("0.0.0.0_80").getAccessLogList()).isEmpty();
  }
}
