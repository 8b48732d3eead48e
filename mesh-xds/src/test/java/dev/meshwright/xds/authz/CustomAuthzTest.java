package dev.meshwright.xds.authz;

import static dev.meshwright.xds.authz.AuthzTesting.httpRbac;
import static dev.meshwright.xds.authz.AuthzTesting.mesh;
import static dev.meshwright.xds.authz.AuthzTesting.policies;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomAuthzTest {
  private static final String HOST = "opa.authz-system.svc.corp.example";
  private static final ServiceIndex SERVICES = ServiceIndex.of(Map.of(HOST, Set.of("authz-system")));
  private static final String MESH = """
      extensionProviders:
      - name: opa-grpc
        envoyExtAuthzGrpc: {service: authz-system/%s, port: 9191}
      - name: opa-http
        envoyExtAuthzHttp: {service: %s, port: 8181, includeRequestHeadersInCheck: [x-user]}
      """.formatted(HOST, HOST);

  private static String custom(String name, String provider) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: %s, namespace: shop}
        spec:
          action: CUSTOM
          provider: {name: %s}
          rules: [{to: [{operation: {paths: [/cart]}}]}]
        """.formatted(name, provider);
  }

  private static AuthzInput input(String policies) {
    return new AuthzInput(policies(policies), mesh(MESH), TrustDomainBundle.of("corp.example", List.of()),
        AuthzOptions.DEFAULTS, SERVICES);
  }

  @Test
  @DisplayName("CUSTOM: RBAC shadow rules named istio-ext-authz-..., then ext_authz to outbound|<port>||<host>")
  void grpcProvider() {
    AuthzFilters.Result<HttpFilter> r = AuthzFilters.http(input(custom("cart", "opa-grpc")));
    assertThat(r.local()).isEmpty();
    assertThat(r.custom()).extracting(HttpFilter::getName)
        .containsExactly(AuthzFilters.RBAC_HTTP, AuthzFilters.EXT_AUTHZ_HTTP);
    var rbac = httpRbac(r.custom().get(0));
    assertThat(rbac.hasRules()).isFalse();
    assertThat(rbac.getShadowRules().getPoliciesMap()).containsOnlyKeys("istio-ext-authz-ns[shop]-policy[cart]-rule[0]");
    assertThat(rbac.getShadowRulesStatPrefix()).isEqualTo("istio_ext_authz_");
    ExtAuthz ext = (ExtAuthz) FilterYaml.unpack(r.custom().get(1).getTypedConfig()).orElseThrow();
    assertThat(ext.getGrpcService().getEnvoyGrpc().getClusterName()).isEqualTo("outbound|9191||" + HOST);
    assertThat(ext.getGrpcService().getEnvoyGrpc().getAuthority()).isEqualTo(HOST);
    assertThat(ext.getGrpcService().getTimeout().getSeconds()).isEqualTo(600);
    assertThat(ext.getFilterEnabledMetadata().getValue().getStringMatch().getPrefix()).isEqualTo("istio-ext-authz");
  }

  @Test
  @DisplayName("CUSTOM on TCP: a gRPC provider gives network RBAC (tcp.) and network ext_authz, an HTTP one nothing")
  void tcp() {
    List<Filter> grpc = AuthzFilters.tcp(input(custom("cart", "opa-grpc"))).custom();
    assertThat(grpc).extracting(Filter::getName)
        .containsExactly(AuthzFilters.RBAC_NETWORK, AuthzFilters.EXT_AUTHZ_NETWORK);
    assertThat(AuthzFilters.tcp(input(custom("cart", "opa-http"))).all()).isEmpty();
  }

  @Test
  @DisplayName("HTTP provider without a namespace resolves when one namespace has the host; allowed headers kept")
  void httpProvider() {
    ExtAuthz ext = (ExtAuthz) FilterYaml.unpack(
        AuthzFilters.http(input(custom("cart", "opa-http"))).custom().get(1).getTypedConfig()).orElseThrow();
    assertThat(ext.getHttpService().getServerUri().getCluster()).isEqualTo("outbound|8181||" + HOST);
    assertThat(ext.getHttpService().getServerUri().getUri()).isEqualTo("http://" + HOST);
    assertThat(ext.getAllowedHeaders().getPatterns(0).getExact()).isEqualTo("x-user");
  }

  @Test
  @DisplayName("two providers for one workload, or an unknown one: the rules become DENY, suffixed, with a warning")
  void badProviders() {
    for (String policies : List.of(custom("a", "opa-grpc") + "---\n" + custom("b", "opa-http"),
        custom("a", "missing"))) {
      AuthzFilters.Result<HttpFilter> r = AuthzFilters.http(input(policies));
      assertThat(r.custom()).hasSize(1);
      var rbac = httpRbac(r.custom().get(0));
      assertThat(rbac.getRules().getAction())
          .isEqualTo(io.envoyproxy.envoy.config.rbac.v3.RBAC.Action.DENY);
      assertThat(rbac.getRules().getPoliciesMap().keySet())
          .allMatch(k -> k.startsWith("istio-ext-authz-ns[shop]") && k.endsWith("-deny-due-to-bad-CUSTOM-action"));
      assertThat(r.diagnostics()).isNotEmpty();
    }
  }
}
