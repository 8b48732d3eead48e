package dev.meshwright.model.gateway;

import static dev.meshwright.model.gateway.GatewayApiFixtures.GATEWAY;
import static dev.meshwright.model.gateway.GatewayApiFixtures.status;
import static dev.meshwright.model.gateway.GatewayApiFixtures.translate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.networking.HTTPRedirect;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.StringMatch;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatus;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteFiltersTest {
  @Test
  @DisplayName("redirect, rewrite, mirror, header modifiers and timeouts become their Istio counterparts")
  void httpFilters() {
    GatewayApiResult r = translate(GATEWAY + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: f, namespace: default}
        spec:
          parentRefs: [{name: gw, namespace: istio-system}]
          hostnames: [a.example.com]
          rules:
          - matches: [{path: {type: PathPrefix, value: /old/}}]
            filters:
            - {type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}, statusCode: 301}}
          - matches: [{path: {type: Exact, value: /rw}}]
            filters:
            - {type: URLRewrite, urlRewrite: {hostname: internal, path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}
            - {type: RequestMirror, requestMirror: {backendRef: {name: b, port: 80}}}
            - type: RequestHeaderModifier
              requestHeaderModifier: {set: [{name: X-A, value: "1"}, {name: x-a, value: "2"}], remove: [x-b]}
            backendRefs: [{name: a, port: 80}]
            timeouts: {request: 1m30s, backendRequest: 500ms}
        """);
    var http = r.virtualServices().get(0).spec().http();
    HTTPRoute rewrite = http.get(0);
    assertThat(rewrite.match().get(0).uri()).contains(StringMatch.exact("/rw"));
    assertThat(rewrite.rewrite().flatMap(w -> w.uri())).contains("/");
    assertThat(rewrite.rewrite().flatMap(w -> w.authority())).contains("internal");
    assertThat(rewrite.mirrors()).singleElement().satisfies(m -> assertThat(m.destination().flatMap(d -> d.host()))
        .contains("b.default.svc.cluster.local"));
    assertThat(rewrite.headers().flatMap(h -> h.request()).orElseThrow().set()).containsExactly(
        java.util.Map.entry("x-a", "1"));
    assertThat(rewrite.timeout()).contains(Duration.ofMillis(500));
    HTTPRoute redirect = http.get(1);
    assertThat(redirect.match().get(0).uri()).contains(StringMatch.prefix("/old"));
    assertThat(redirect.redirect().orElseThrow()).satisfies(rd -> {
      assertThat(rd.uri()).contains("%PREFIX()%/new");
      assertThat(rd.redirectCode()).contains(301);
      assertThat(rd.derivePort()).contains(HTTPRedirect.RedirectPortSelection.FROM_REQUEST_PORT);
    });
    assertThat(redirect.route()).isEmpty();
  }

  @Test
  @DisplayName("an unsupported filter voids the route's rules and is reported as InvalidFilter")
  void unsupportedFilter() {
    GatewayApiResult r = translate(GATEWAY + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: ext, namespace: default}
        spec:
          parentRefs: [{name: gw, namespace: istio-system}]
          hostnames: [a.example.com]
          rules:
          - filters: [{type: ExtensionRef, extensionRef: {group: x, kind: Y, name: z}}]
            backendRefs: [{name: a, port: 80}]
        """);
    assertThat(r.virtualServices()).isEmpty();
    Condition resolved = ((HTTPRouteStatus) status(r, "HTTPRoute", "ext").status()).getParents().get(0).getConditions().get(1);
    assertThat(resolved.getReason()).isEqualTo("InvalidFilter");
    assertThat(resolved.getMessage()).isEqualTo("unsupported filter type \"ExtensionRef\"");
  }

  @Test
  @DisplayName("gRPC service/method matches become path matches; GRPCRoutes merge into the HTTP VirtualService of the host")
  void grpcMatches() {
    GatewayApiResult r = translate(GATEWAY + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: g, namespace: default}
        spec:
          parentRefs: [{name: gw, namespace: istio-system}]
          hostnames: [a.example.com]
          rules:
          - matches:
            - method: {service: pkg.Svc, method: Get}
            - method: {service: pkg.Svc}
            - method: {method: List}
            - headers: [{name: x, value: y}]
            backendRefs: [{name: a, port: 80}]
        """);
    var http = r.virtualServices().get(0).spec().http();
    assertThat(http).extracting(h -> h.match().get(0).uri().orElse(StringMatch.empty()))
        .containsExactly(StringMatch.exact("/pkg.Svc/Get"), StringMatch.prefix("/pkg.Svc/"),
            StringMatch.regex("/[^/]+/List"), StringMatch.empty());
    assertThat(r.virtualServices().get(0).metadata().annotations())
        .containsEntry("internal.istio.io/parents", "GRPCRoute/g.default");
  }
}
