package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.context;
import static dev.meshwright.xds.route.RouteFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ResourceGenerator;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.grpc.xds.GrpcRdsProbe;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GrpcRouteGeneratorTest {
  private static final String NAME = "outbound|9080||reviews.shop.svc.corp.example";
  private static final String CONFIG = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: shop}
      spec: {clusterIP: 10.0.0.7, ports: [{name: grpc, port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: shop}
      spec: {clusterIP: 10.0.0.8, ports: [{name: grpc, port: 9080}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: shop}
      spec:
        hosts: [reviews]
        http:
        - name: canary
          match: [{headers: {x-canary: {exact: "yes"}}, uri: {prefix: /shop.Reviews/}}]
          fault: {abort: {grpcStatus: UNAVAILABLE, percentage: {value: 10}}}
          route:
          - {destination: {host: reviews, subset: v2}, weight: 80}
          - {destination: {host: reviews, subset: v1}, weight: 20}
        - match: [{uri: {regex: "/shop\\\\.Reviews/Get.*"}}]
          timeout: 3s
          retries: {attempts: 3, retryOn: "unavailable,cancelled"}
          route: [{destination: {host: reviews, subset: v1}}]
        - route: [{destination: {host: reviews, subset: v1}}]
      """;

  private static ResourceGenerator.Output generate(Set<String> names) {
    MeshSnapshot s = snapshot(CONFIG, RouteFixtures.MESH);
    return new GrpcRouteGenerator().generate(context(s, RouteFixtures.grpcProxy("web")), names);
  }

  @Test
  @DisplayName("the route named by a cluster key holds the port's VHs with host:port domains, no catch-all and "
      + "no sidecar flags; routes time out with max_stream_duration")
  void routeConfig() {
    ResourceGenerator.Output out = generate(Set.of(NAME));
    RouteConfiguration rc = (RouteConfiguration) out.resources().get(0).message();
    assertThat(rc.getName()).isEqualTo(NAME);
    assertThat(rc.hasValidateClusters()).isFalse();
    assertThat(rc.getIgnorePortInHostMatching()).isFalse();
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName).containsExactly(
        "reviews.shop.svc.corp.example:9080", "ratings.shop.svc.corp.example:9080");
    assertThat(rc.getVirtualHosts(0).getDomainsList()).containsExactly(
        "reviews.shop.svc.corp.example", "reviews.shop.svc.corp.example:9080", "reviews.shop", "reviews.shop:9080",
        "reviews.shop.svc", "reviews.shop.svc:9080", "10.0.0.7", "10.0.0.7:9080");
    assertThat(rc.getVirtualHosts(0).getRoutes(1).getRoute().getMaxStreamDuration().getMaxStreamDuration()
        .getSeconds()).isEqualTo(3);
  }

  @Test
  @DisplayName("grpc-java's xDS client parses the route configuration: weighted clusters, header and regex "
      + "matches, fault override, timeout and retries")
  void grpcJavaAccepts() throws Exception {
    RouteConfiguration rc = (RouteConfiguration) generate(Set.of(NAME)).resources().get(0).message();
    List<GrpcRdsProbe.ParsedHost> hosts = GrpcRdsProbe.parse(rc.toByteArray());
    assertThat(hosts).hasSize(2);
    GrpcRdsProbe.ParsedHost reviews = hosts.get(0);
    assertThat(reviews.domains()).contains("reviews.shop:9080");
    assertThat(reviews.routes()).hasSize(3);
    assertThat(reviews.routes().get(0)).contains("outbound|9080|v2|reviews.shop.svc.corp.example")
        .contains("x-canary").contains("weight=80").containsIgnoringCase("fault");
    assertThat(reviews.routes().get(1)).contains("Get.*").contains("timeoutNano=3000000000")
        .contains("maxAttempts=4");
    assertThat(hosts.get(1).routes().get(0)).contains("outbound|9080||ratings.shop.svc.corp.example");
  }

  @Test
  @DisplayName("a requested name that is no cluster key is left out with a diagnostic")
  void badName() {
    ResourceGenerator.Output out = generate(Set.of("9080"));
    assertThat(out.resources()).isEmpty();
    assertThat(out.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("9080"));
  }
}
