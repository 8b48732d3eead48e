package dev.meshwright.xds.gateway;

import static dev.meshwright.xds.gateway.GatewayFixtures.router;
import static dev.meshwright.xds.gateway.GatewayFixtures.routes;
import static dev.meshwright.xds.gateway.GatewayListenerGeneratorTest.gateway;
import static dev.meshwright.xds.gateway.GatewayListenerGeneratorTest.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayRouteGeneratorTest {
  private static final Map<String, String> INGRESS = Map.of("istio", "ingressgateway");

  static String vs(String name, String ns, String hosts, String gateways, String http) {
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + name + ", namespace: " + ns
        + "}\nspec:\n  hosts: " + hosts + "\n  gateways: " + gateways + "\n  http: " + http + "\n";
  }

  @Test
  @DisplayName("http.<port> holds one VH per host in both server and VirtualService hosts, named <host>:<port>, domains [host], sorted")
  void virtualHosts() {
    ProxyContext ctx = router(gateway("a", "edge", server(80, "http", "HTTP", "['*.corp.example']", ""))
        + gateway("b", "apps", server(80, "http-b", "HTTP", "['apps/api.corp.example']", ""))
        + vs("shop", "edge", "[Shop.corp.example, other.org]", "[a]",
            "[{route: [{destination: {host: shop, port: {number: 8080}}}]}]")
        + vs("api", "apps", "[api.corp.example]", "[b]",
            "[{match: [{uri: {prefix: /v1}}], route: [{destination: {host: api}}]}]")
        + vs("api-elsewhere", "edge", "[api.corp.example]", "[apps/b]",
            "[{route: [{destination: {host: api}}]}]"), "edge", INGRESS);
    RouteConfiguration rc = routes(ctx, Set.of("http.80")).get("http.80");
    assertThat(rc.getValidateClusters().getValue()).isFalse();
    assertThat(rc.getIgnorePortInHostMatching()).isTrue();
    assertThat(rc.getMaxDirectResponseBodySizeBytes().getValue()).isEqualTo(1048576);
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly("api.corp.example:80", "shop.corp.example:80");
    VirtualHost shop = rc.getVirtualHosts(1);
    assertThat(shop.getDomainsList()).containsExactly("shop.corp.example");
    assertThat(shop.getIncludeRequestAttemptCount()).isTrue();
    assertThat(shop.getRoutes(0).getRoute().getCluster()).isEqualTo("outbound|8080||shop.edge.svc.corp.example");
    VirtualHost api = rc.getVirtualHosts(0);
    assertThat(api.getRoutesList()).extracting(r -> r.getRoute().getCluster())
        .containsExactly("outbound|80||api.apps.svc.corp.example");
  }

  @Test
  @DisplayName("routes of several VirtualServices on one host are concatenated with catch-all routes last; hosts with the same routes share a VH")
  void orderingAndCollapse() {
    ProxyContext ctx = router(gateway("gw", "edge", server(80, "http", "HTTP", "['*']", ""))
        + vs("catch", "edge", "[a.corp.example]", "[gw]", "[{route: [{destination: {host: all}}]}]")
        + vs("specific", "edge", "[a.corp.example]", "[gw]",
            "[{match: [{uri: {exact: /health}}], route: [{destination: {host: health}}]}]")
        + vs("multi", "edge", "[x.corp.example, yy.corp.example]", "[gw]", "[{route: [{destination: {host: m}}]}]"),
        "edge", INGRESS);
    RouteConfiguration rc = routes(ctx, Set.of()).get("http.80");
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly("a.corp.example:80", "yy.corp.example:80");
    assertThat(rc.getVirtualHosts(0).getRoutesList()).extracting(Route::getMatch)
        .extracting(m -> m.hasPath() ? m.getPath() : m.getPrefix()).containsExactly("/health", "/");
    assertThat(rc.getVirtualHosts(1).getDomainsList()).containsExactly("yy.corp.example", "x.corp.example");
  }

  @Test
  @DisplayName("without a matching VirtualService the route has one VH blackhole:<port> with domain * and no routes")
  void blackhole() {
    ProxyContext ctx = router(gateway("gw", "edge", server(8080, "http", "HTTP", "[a.corp.example]", ""))
        + vs("other", "edge", "[b.corp.example]", "[gw]", "[{route: [{destination: {host: b}}]}]"), "edge", INGRESS);
    RouteConfiguration rc = routes(ctx, Set.of("http.8080")).get("http.8080");
    assertThat(rc.getVirtualHostsList()).singleElement().satisfies(vh -> {
      assertThat(vh.getName()).isEqualTo("blackhole:8080");
      assertThat(vh.getDomainsList()).containsExactly("*");
      assertThat(vh.getRoutesList()).isEmpty();
    });
  }

  @Test
  @DisplayName("httpsRedirect marks every server host requireTls: ALL, with or without a VirtualService")
  void httpsRedirect() {
    ProxyContext ctx = router(gateway("gw", "edge", server(80, "http", "HTTP", "[a.corp.example, b.corp.example]",
        "{httpsRedirect: true}")) + vs("a", "edge", "[a.corp.example]", "[gw]", "[{route: [{destination: {host: a}}]}]"),
        "edge", INGRESS);
    RouteConfiguration rc = routes(ctx, Set.of("http.80")).get("http.80");
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName, VirtualHost::getRequireTls).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a.corp.example:80", VirtualHost.TlsRequirementType.ALL),
        org.assertj.core.groups.Tuple.tuple("b.corp.example:80", VirtualHost.TlsRequirementType.ALL));
    assertThat(rc.getVirtualHosts(1).getRoutesList()).isEmpty();
  }

  @Test
  @DisplayName("each terminating HTTPS server has its own route configuration; match gateways and ports select routes; unknown names are empty")
  void httpsRoutesAndMatchGateways() {
    ProxyContext ctx = router(gateway("gw", "edge", server(443, "https-a", "HTTPS", "[a.corp.example]",
        "{mode: SIMPLE, credentialName: a}") + server(443, "https-b", "HTTPS", "[b.corp.example]",
        "{mode: SIMPLE, credentialName: b}") + server(80, "http", "HTTP", "[a.corp.example]", ""))
        + vs("a", "edge", "[a.corp.example]", "[gw]", "[{match: [{port: 443, uri: {prefix: /secure}}], route: [{destination: {host: s}}]},"
            + " {match: [{gateways: [edge/other]}], route: [{destination: {host: never}}]},"
            + " {route: [{destination: {host: a}}]}]"), "edge", INGRESS);
    Map<String, RouteConfiguration> all = routes(ctx, Set.of());
    assertThat(all).containsOnlyKeys("http.80", "https.443.https-a.gw.edge", "https.443.https-b.gw.edge");
    assertThat(all.get("https.443.https-a.gw.edge").getVirtualHosts(0).getRoutesList())
        .extracting(r -> r.getRoute().getCluster())
        .containsExactly("outbound|443||s.edge.svc.corp.example", "outbound|443||a.edge.svc.corp.example");
    assertThat(all.get("http.80").getVirtualHosts(0).getRoutesList()).extracting(r -> r.getRoute().getCluster())
        .containsExactly("outbound|80||a.edge.svc.corp.example");
    assertThat(all.get("https.443.https-b.gw.edge").getVirtualHosts(0).getName()).isEqualTo("blackhole:443");
    RouteConfiguration gone = routes(ctx, Set.of("http.9999")).get("http.9999");
    assertThat(gone.getVirtualHostsList()).isEmpty();
    assertThat(List.of(gone.getName())).containsExactly("http.9999");
  }
}
