package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.service;
import static dev.meshwright.xds.route.RouteFixtures.vs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.networking.VirtualService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class L4RoutesTest {
  private static final VirtualService VS = vs("""
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: db, namespace: data}
      spec:
        hosts: [db]
        tcp:
        - match: [{port: 5432, sourceLabels: {role: writer}, destinationSubnets: [10.1.0.0/16]}]
          route: [{destination: {host: db, subset: primary}}]
        - route:
          - {destination: {host: db, subset: a}, weight: 70}
          - {destination: {host: db, subset: b}, weight: 30}
          - {destination: {host: db, subset: c}, weight: 0}
        tls:
        - match: [{sniHosts: [db.example.org], port: 5432, sourceNamespace: data}]
          route: [{destination: {host: db.ext.svc.corp.example, port: {number: 6432}}}]
      """);

  @Test
  @DisplayName("TCP rules: a match applies by port and source labels (with its subnets); weighted destinations keep "
      + "positive weights; the listener port names the cluster")
  void tcp() {
    RouteContext writer = RouteFixtures.sidecar(proxy("data", Map.of("role", "writer")), 5432);
    List<L4Routes.L4Route> out = L4Routes.tcp(VS, writer);
    assertThat(out).containsExactly(
        new L4Routes.L4Route(List.of("10.1.0.0/16"), List.of(), List.of(
            new L4Routes.ClusterWeight("outbound|5432|primary|db.data.svc.corp.example", 0))),
        new L4Routes.L4Route(List.of(), List.of(), List.of(
            new L4Routes.ClusterWeight("outbound|5432|a|db.data.svc.corp.example", 70),
            new L4Routes.ClusterWeight("outbound|5432|b|db.data.svc.corp.example", 30))));
    RouteContext reader = RouteFixtures.sidecar(proxy("data", Map.of("role", "reader")), 5432,
        service("db", "data", "10.0.0.3", 5433));
    assertThat(L4Routes.tcp(VS, reader)).singleElement().satisfies(r -> assertThat(r.clusters())
        .extracting(L4Routes.ClusterWeight::cluster).containsExactly("outbound|5433|a|db.data.svc.corp.example",
            "outbound|5433|b|db.data.svc.corp.example"));
  }

  @Test
  @DisplayName("TLS rules carry their SNI hosts and apply only from their source namespace")
  void tls() {
    assertThat(L4Routes.tls(VS, RouteFixtures.sidecar(proxy("data", Map.of()), 5432))).containsExactly(
        new L4Routes.L4Route(List.of(), List.of("db.example.org"), List.of(
            new L4Routes.ClusterWeight("outbound|6432||db.ext.svc.corp.example", 0))));
    assertThat(L4Routes.tls(VS, RouteFixtures.sidecar(proxy("web", Map.of()), 5432))).isEmpty();
  }
}
