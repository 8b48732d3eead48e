package dev.meshwright.xds.cluster;

import static dev.meshwright.xds.cluster.ClusterTestSupport.dr;
import static dev.meshwright.xds.cluster.ClusterTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashPoliciesTest {
  static final String HOST = "session.web.svc.corp.example";
  static final ProxyContext CTX = ClusterTestSupport.sidecar(
      service("session", "web", "[{number: 80, name: http, protocol: HTTP}, {number: 81, name: http-alt, protocol: HTTP}]", "")
          + dr("session", "web", HOST, """
            trafficPolicy:
              loadBalancer: {consistentHash: {httpHeaderName: x-user}}
              portLevelSettings:
              - port: {number: 81}
                loadBalancer: {consistentHash: {useSourceIp: true}}
            subsets:
            - name: sticky
              labels: {v: s}
              trafficPolicy: {loadBalancer: {consistentHash: {httpCookie: {name: sid, path: /, ttl: 10s}}}}
            - name: plain
              labels: {v: p}
          """), "web");

  @Test
  @DisplayName("the destination's hash, its port-level hash on that port, the subset's hash over both")
  void precedence() {
    assertThat(HashPolicies.forDestination(CTX, HOST, "", 80)).containsExactly(RouteAction.HashPolicy.newBuilder()
        .setHeader(RouteAction.HashPolicy.Header.newBuilder().setHeaderName("x-user")).build());
    assertThat(HashPolicies.forDestination(CTX, HOST, "", 0)).singleElement()
        .satisfies(h -> assertThat(h.hasHeader()).isTrue());
    assertThat(HashPolicies.forDestination(CTX, HOST, "plain", 81)).containsExactly(RouteAction.HashPolicy.newBuilder()
        .setConnectionProperties(RouteAction.HashPolicy.ConnectionProperties.newBuilder().setSourceIp(true)).build());
    assertThat(HashPolicies.forDestination(CTX, HOST, "sticky", 81)).containsExactly(RouteAction.HashPolicy.newBuilder()
        .setCookie(RouteAction.HashPolicy.Cookie.newBuilder().setName("sid").setPath("/")
            .setTtl(Clusters.duration(Duration.ofSeconds(10)))).build());
  }

  @Test
  @DisplayName("no DestinationRule, no hash policy")
  void none() {
    assertThat(HashPolicies.forDestination(CTX, "other.corp.example", "", 80)).isEmpty();
  }
}
