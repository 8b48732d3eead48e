package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.vs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.StringMatch;
import dev.meshwright.api.networking.VirtualService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DelegatesTest {
  private static final VirtualService ROOT = vs("""
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: root, namespace: edge}
      spec:
        hosts: [shop.example.org]
        http:
        - name: api
          match: [{uri: {prefix: /api}, headers: {x-t: {exact: a}}}]
          timeout: 5s
          delegate: {name: api-routes, namespace: team}
        - name: missing
          delegate: {name: nope}
        - name: hidden
          delegate: {name: private-routes, namespace: team}
        - route: [{destination: {host: web}}]
      """);

  private static final VirtualService API = vs("""
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: api-routes, namespace: team}
      spec:
        http:
        - name: v2
          match: [{uri: {prefix: /api/v2}, name: m2}]
          route: [{destination: {host: api-v2}}]
        - name: clash
          match: [{uri: {prefix: /other}}]
          route: [{destination: {host: api-x}}]
        - route: [{destination: {host: api-v1}}]
          timeout: 1s
      """);

  private static final VirtualService PRIVATE = vs("""
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: private-routes, namespace: team}
      spec:
        exportTo: ["."]
        http: [{route: [{destination: {host: secret}}]}]
      """);

  @Test
  @DisplayName("delegate rules merge into the root rule: matches narrowed, names joined with '-', unset fields "
      + "from the root, hosts resolved in the delegate's namespace; conflicts, missing and hidden delegates dropped")
  void merge() {
    Delegates.Merged m = Delegates.merge(ROOT, List.of(API, PRIVATE), List.of(), RouteFixtures.SUFFIX);
    List<HTTPRoute> http = m.virtualService().spec().http();
    assertThat(http).extracting(r -> r.name().orElse("")).containsExactly("api-v2", "api", "");
    HTTPRoute v2 = http.get(0);
    assertThat(v2.match()).singleElement().satisfies(x -> {
      assertThat(x.uri()).contains(StringMatch.prefix("/api/v2"));
      assertThat(x.headers()).containsEntry("x-t", StringMatch.exact("a"));
      assertThat(x.name()).contains("m2");
    });
    assertThat(v2.timeout()).contains(Duration.ofSeconds(5));
    assertThat(v2.delegate()).isEmpty();
    assertThat(v2.route().get(0).destination().get().host()).contains("api-v2.team.svc.corp.example");
    HTTPRoute v1 = http.get(1);
    assertThat(v1.match()).singleElement().satisfies(x -> assertThat(x.uri()).contains(StringMatch.prefix("/api")));
    assertThat(v1.timeout()).contains(Duration.ofSeconds(1));
    assertThat(http.get(2).route().get(0).destination().get().host()).contains("web.edge.svc.corp.example");
    assertThat(m.diagnostics()).extracting(d -> d.message()).anyMatch(s -> s.contains("conflict"))
        .anyMatch(s -> s.contains("edge/nope not found")).anyMatch(s -> s.contains("not exported to edge"));
  }

  @Test
  @DisplayName("a merged root translates like any VirtualService, with the root's metadata")
  void translatesMerged() {
    Delegates.Merged m = Delegates.merge(ROOT, List.of(API), List.of(), RouteFixtures.SUFFIX);
    RouteContext ctx = RouteFixtures.sidecar(RouteFixtures.proxy("edge", java.util.Map.of()), 80);
    var routes = RouteTranslator.translate(m.virtualService(), ctx).routes();
    assertThat(routes).extracting(r -> r.getName()).containsExactly("api-v2.m2", "api", "");
    assertThat(routes.get(0).getRoute().getCluster()).isEqualTo("outbound|80||api-v2.team.svc.corp.example");
    assertThat(routes.get(0).getMetadata()).isEqualTo(RouteTranslator.configMetadata(ROOT));
  }

  @Test
  @DisplayName("a VirtualService without delegates is returned unchanged")
  void notRoot() {
    assertThat(Delegates.merge(API, List.of(), List.of(), RouteFixtures.SUFFIX).virtualService()).isSameAs(API);
  }
}
