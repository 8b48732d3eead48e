package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.context;
import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.service;
import static dev.meshwright.xds.route.RouteFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.registry.MeshService;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VirtualHostDomainsTest {
  private static final MeshService REVIEWS = service("reviews", "shop", "10.0.0.7", 9080);

  @Test
  @DisplayName("same namespace: FQDN, name, name.ns.svc, name.ns, VIP")
  void sameNamespace() {
    assertThat(VirtualHostDomains.of(REVIEWS, 0, "shop.svc.corp.example").domains()).containsExactly(
        "reviews.shop.svc.corp.example", "reviews", "reviews.shop.svc", "reviews.shop", "10.0.0.7");
  }

  @Test
  @DisplayName("another namespace: FQDN, name.ns, name.ns.svc, VIP; with a port each gets its host:port twin")
  void otherNamespace() {
    assertThat(VirtualHostDomains.of(REVIEWS, 0, "web.svc.corp.example").domains()).containsExactly(
        "reviews.shop.svc.corp.example", "reviews.shop", "reviews.shop.svc", "10.0.0.7");
    assertThat(VirtualHostDomains.of(REVIEWS, 9080, "web.svc.corp.example").domains()).containsExactly(
        "reviews.shop.svc.corp.example", "reviews.shop.svc.corp.example:9080", "reviews.shop", "reviews.shop:9080",
        "reviews.shop.svc", "reviews.shop.svc:9080", "10.0.0.7", "10.0.0.7:9080");
  }

  @Test
  @DisplayName("a headless Kubernetes service gets '*.' copies and no VIP; an IPv6 VIP is bracketed")
  void headlessAndIpv6() {
    MeshService headless = new MeshService("db.shop.svc.corp.example", "shop", "db", MeshService.Origin.KUBERNETES,
        List.of(), REVIEWS.ports(), MeshService.Resolution.PASSTHROUGH, MeshService.Location.MESH_INTERNAL,
        Set.of(), Map.of(), Map.of(), "");
    assertThat(VirtualHostDomains.of(headless, 0, "web.svc.corp.example").domains()).containsExactly(
        "db.shop.svc.corp.example", "db.shop", "db.shop.svc",
        "*.db.shop.svc.corp.example", "*.db.shop", "*.db.shop.svc");
    MeshService v6 = service("api", "web", "fd00::7", 80);
    assertThat(VirtualHostDomains.of(v6, 80, "web.svc.corp.example").domains())
        .endsWith("[fd00::7]", "[fd00::7]:80");
  }

  @Test
  @DisplayName("hosts outside the cluster domain get no short names; a non-Kubernetes proxy domain shares suffixes")
  void nonKubernetes() {
    assertThat(VirtualHostDomains.altHosts("api.example.org", 0, "web.svc.corp.example")).isEmpty();
    assertThat(VirtualHostDomains.altHosts("foo.local.campus.net", 0, "local.campus.net")).containsExactly("foo");
    assertThat(VirtualHostDomains.altHosts("foo.local.campus.net", 80, "remote.campus.net"))
        .containsExactly("foo.local", "foo.local:80", "foo.local.campus", "foo.local.campus:80");
    assertThat(VirtualHostDomains.altHosts("foo.example.com", 0, "")).isEmpty();
  }

  @Test
  @DisplayName("a short name that is another service's real host stays with that service's VH only")
  void knownHostsWin() {
    String se = """
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: legacy, namespace: shop}
        spec:
          hosts: [ratings.ops]
          ports: [{number: 9080, name: http, protocol: HTTP}]
          resolution: DNS
        """;
    var s = snapshot(RouteGeneratorTest.REGISTRY + se, RouteFixtures.MESH);
    RouteConfiguration rc = (RouteConfiguration) new RouteGenerator()
        .generate(context(s, proxy("shop", Map.of())), Set.of("9080")).resources().get(0).message();
    Map<String, List<String>> domains = new java.util.HashMap<>();
    for (VirtualHost vh : rc.getVirtualHostsList()) {
      domains.put(vh.getName(), vh.getDomainsList());
    }
    assertThat(domains.get("ratings.ops:9080")).containsExactly("ratings.ops");
    assertThat(domains.get("ratings.ops.svc.corp.example:9080")).containsExactly(
        "ratings.ops.svc.corp.example", "ratings.ops.svc", "10.0.0.8");
  }
}
