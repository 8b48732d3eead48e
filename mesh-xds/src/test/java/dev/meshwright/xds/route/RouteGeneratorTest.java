package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.context;
import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.networking.OutboundTrafficPolicy;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteGeneratorTest {
  static final String REGISTRY = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: shop}
      spec: {clusterIP: 10.0.0.7, ports: [{name: http, port: 9080, targetPort: 8081}]}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: reviews-1, namespace: shop, labels: {kubernetes.io/service-name: reviews}}
      addressType: IPv4
      ports: [{name: http, port: 8081}]
      endpoints: [{addresses: [10.9.0.1], conditions: {ready: true}}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: ops}
      spec: {clusterIP: 10.0.0.8, ports: [{name: http-api, port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {clusterIP: 10.0.0.9, ports: [{name: web, port: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: shop}
      spec: {clusterIP: 10.0.0.10, ports: [{name: tcp, port: 9080}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews-vs, namespace: shop}
      spec:
        hosts: [reviews, shop.example.org]
        http: [{name: to-v2, route: [{destination: {host: reviews, subset: v2}}]}]
      """;

  private static final RouteGenerator GEN = new RouteGenerator();

  private static RouteConfiguration generate(MeshSnapshot s, String name) {
    ProxyContext ctx = context(s, proxy("shop", Map.of()));
    ResourceGenerator.Output out = GEN.generate(ctx, Set.of(name));
    assertThat(out.resources()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo(name));
    return (RouteConfiguration) out.resources().get(0).message();
  }

  @Test
  @DisplayName("route '9080': one VH per HTTP service on the port, host:port names, Istio's domain lists per "
      + "namespace, the VirtualService's routes, default routes elsewhere, allow_any last, Istio's flags")
  void outboundPort() {
    MeshSnapshot s = snapshot(REGISTRY, RouteFixtures.MESH);
    RouteConfiguration rc = generate(s, "9080");
    String ratings = "ratings.ops.svc.corp.example";
    String reviews = "reviews.shop.svc.corp.example";
    Route ratingsRoute = RouteTranslator.defaultOutboundRoute("outbound|9080||" + ratings, ratings + ":9080/*",
        RouteFixtures.MESH);
    java.util.List<Route> vsRoutes = RouteTranslator.translate(s.virtualServices().all().get(0),
        RouteContext.sidecar(proxy("shop", Map.of()), 9080,
            OutboundVirtualHosts.servicesOnPort(s.registry().services(), 9080), RouteFixtures.MESH,
            RouteFixtures.SUFFIX)).routes();
    RouteConfiguration expected = RouteConfigs.outbound("9080", java.util.List.of(
        VirtualHost.newBuilder().setName(reviews + ":9080")
            .addDomains(reviews).addDomains("reviews").addDomains("reviews.shop.svc").addDomains("reviews.shop")
            .addDomains("10.0.0.7").addAllRoutes(vsRoutes).setIncludeRequestAttemptCount(true).build(),
        VirtualHost.newBuilder().setName("shop.example.org:9080").addDomains("shop.example.org")
            .addAllRoutes(vsRoutes).setIncludeRequestAttemptCount(true).build(),
        VirtualHost.newBuilder().setName(ratings + ":9080")
            .addDomains(ratings).addDomains("ratings.ops").addDomains("ratings.ops.svc").addDomains("10.0.0.8")
            .addRoutes(ratingsRoute).setIncludeRequestAttemptCount(true).build()),
        Optional.of(RouteConfigs.catchAll(OutboundTrafficPolicy.builder()
            .mode(OutboundTrafficPolicy.Mode.ALLOW_ANY).build())));
    assertThat(rc).isEqualTo(expected);
    assertThat(rc.getVirtualHosts(0).getName()).isEqualTo(ratings + ":9080");
    assertThat(rc.getVirtualHosts(1).getRoutes(0).getRoute().getCluster())
        .isEqualTo("outbound|9080|v2|" + reviews);
    assertThat(rc.getVirtualHosts(3).getName()).isEqualTo("allow_any");
    assertThat(rc.getVirtualHosts(3).getRoutes(0).getRoute().getCluster()).isEqualTo("PassthroughCluster");
    assertThat(rc.getValidateClusters()).isEqualTo(BoolValue.of(false));
    assertThat(rc.getMaxDirectResponseBodySizeBytes()).isEqualTo(UInt32Value.of(1048576));
    assertThat(rc.getIgnorePortInHostMatching()).isTrue();
  }

  @Test
  @DisplayName("port 80 keeps the hosts of a VirtualService with no service on the port as VHs of their own "
      + "(a service host not on 80 included, as Istio does)")
  void port80Hosts() {
    RouteConfiguration rc = generate(snapshot(REGISTRY, RouteFixtures.MESH), "80");
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly("reviews.shop.svc.corp.example:80", "shop.example.org:80", "allow_any");
    assertThat(rc.getVirtualHosts(1).getDomainsList()).containsExactly("shop.example.org");
    assertThat(rc.getVirtualHosts(1).getRoutes(0).getRoute().getCluster())
        .isEqualTo("outbound|80|v2|reviews.shop.svc.corp.example");
  }

  @Test
  @DisplayName("a sniffed port's route 'host:port' holds only that service's VH, with domain '*', no catch-all")
  void sniffed() {
    RouteConfiguration rc = generate(snapshot(REGISTRY, RouteFixtures.MESH), "web.shop.svc.corp.example:8080");
    assertThat(rc.getVirtualHostsList()).singleElement().satisfies(vh -> {
      assertThat(vh.getName()).isEqualTo("web.shop.svc.corp.example:8080");
      assertThat(vh.getDomainsList()).containsExactly("*");
      assertThat(vh.getRoutes(0).getRoute().getCluster()).isEqualTo("outbound|8080||web.shop.svc.corp.example");
    });
  }

  @Test
  @DisplayName("REGISTRY_ONLY (mesh, or the Sidecar's own policy) ends the route with block_all answering 502")
  void registryOnly() {
    MeshConfig mesh = MeshConfig.builder().from(RouteFixtures.MESH).outboundTrafficPolicy(
        dev.meshwright.api.mesh.OutboundTrafficPolicy.builder()
            .mode(dev.meshwright.api.mesh.OutboundTrafficPolicy.Mode.REGISTRY_ONLY).build()).build();
    RouteConfiguration rc = generate(snapshot(REGISTRY, mesh), "9080");
    VirtualHost last = rc.getVirtualHosts(rc.getVirtualHostsCount() - 1);
    assertThat(last.getName()).isEqualTo("block_all");
    assertThat(last.getRoutes(0).getDirectResponse().getStatus()).isEqualTo(502);
    String sidecar = """
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: shop}
        spec:
          egress: [{hosts: ["./*"]}]
          outboundTrafficPolicy: {mode: REGISTRY_ONLY}
        """;
    RouteConfiguration scoped = generate(snapshot(REGISTRY + sidecar, RouteFixtures.MESH), "9080");
    assertThat(scoped.getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly("reviews.shop.svc.corp.example:9080", "shop.example.org:9080", "block_all");
  }

  @Test
  @DisplayName("inbound|<targetPort>|| has VH inbound|http|<servicePort> with route default, timeouts 0")
  void inbound() {
    RouteConfiguration rc = generate(snapshot(REGISTRY, RouteFixtures.MESH), "inbound|8081||");
    assertThat(rc).isEqualTo(RouteConfigs.inbound(8081, 9080, "reviews.shop.svc.corp.example:9080/*"));
    assertThat(rc.getVirtualHosts(0).getName()).isEqualTo("inbound|http|9080");
    assertThat(rc.getVirtualHosts(0).getRoutes(0).getName()).isEqualTo("default");
    assertThat(rc.getVirtualHosts(0).getRoutes(0).getRoute().getCluster()).isEqualTo("inbound|8081||");
    assertThat(rc.getVirtualHosts(0).getRoutes(0).getRoute().getMaxStreamDuration().hasMaxStreamDuration()).isTrue();
  }

  @Test
  @DisplayName("a name that is no port, host:port or inbound key gets the empty configuration; type is RDS")
  void unknownName() {
    assertThat(generate(snapshot(REGISTRY, RouteFixtures.MESH), "bogus")).isEqualTo(RouteConfigs.empty("bogus"));
    assertThat(GEN.typeUrl()).isEqualTo(TypeUrls.ROUTE);
  }

  @Test
  @DisplayName("http_proxy gathers every port; VHs of ports other than 80 keep only their host:port domains")
  void httpProxy() {
    RouteConfiguration rc = generate(snapshot(REGISTRY, RouteFixtures.MESH), "http_proxy");
    VirtualHost reviews = rc.getVirtualHostsList().stream()
        .filter(v -> v.getName().equals("reviews.shop.svc.corp.example:9080")).findFirst().orElseThrow();
    assertThat(reviews.getDomainsList()).contains("reviews.shop.svc.corp.example:9080", "reviews:9080",
        "10.0.0.7:9080").allMatch(d -> d.contains(":"));
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName)
        .contains("web.shop.svc.corp.example:8080").endsWith("allow_any");
  }

  @Test
  @DisplayName("the mesh proxy config's proxyHeaders.attemptCount.disabled turns include_request_attempt_count off")
  void attemptCountDisabled() {
    var pc = dev.meshwright.api.mesh.ProxyConfig.builder().from(RouteFixtures.MESH.defaultConfig().orElseThrow())
        .proxyHeaders(dev.meshwright.api.mesh.ProxyHeaders.builder().attemptCount(
            dev.meshwright.api.mesh.ProxyHeaders.AttemptCount.builder().disabled(true).build()).build()).build();
    MeshConfig mesh = MeshConfig.builder().from(RouteFixtures.MESH).defaultConfig(pc).build();
    RouteConfiguration rc = generate(snapshot(REGISTRY, mesh), "9080");
    assertThat(rc.getVirtualHostsList()).isNotEmpty().noneMatch(VirtualHost::getIncludeRequestAttemptCount);
  }

  @Test
  @DisplayName("a Sidecar egress listener on the route's port decides what the route imports; other ports use the "
      + "catch-all listener")
  void egressListenerPerPort() {
    String sidecar = """
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: shop}
        spec:
          egress:
          - port: {number: 9080, protocol: HTTP, name: http}
            hosts: ["ops/*"]
          - hosts: ["./*"]
        """;
    MeshSnapshot s = snapshot(REGISTRY + sidecar, RouteFixtures.MESH);
    assertThat(generate(s, "9080").getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly("ratings.ops.svc.corp.example:9080", "allow_any");
    assertThat(generate(s, "8080").getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly("web.shop.svc.corp.example:8080", "allow_any");
  }
}
