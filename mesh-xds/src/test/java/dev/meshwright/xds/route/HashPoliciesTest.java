package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.context;
import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashPoliciesTest {
  private static final String RULES = """
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: shop}
      spec:
        host: reviews
        trafficPolicy: {loadBalancer: {consistentHash: {httpHeaderName: x-user}}}
        subsets:
        - name: v2
          labels: {version: v2}
          trafficPolicy:
            loadBalancer: {consistentHash: {httpCookie: {name: sticky, path: /, ttl: 60s}}}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ratings, namespace: ops}
      spec:
        host: ratings.ops.svc.corp.example
        trafficPolicy:
          loadBalancer: {consistentHash: {httpQueryParameterName: user}}
          portLevelSettings:
          - port: {number: 9080}
            loadBalancer: {consistentHash: {useSourceIp: true}}
      """;

  private static VirtualHost vh(RouteConfiguration rc, String name) {
    return rc.getVirtualHostsList().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("DestinationRule consistentHash becomes route hash policies: the subset's for a subset destination, "
      + "the port-level one for a service's default route")
  void hashPolicies() {
    var s = snapshot(RouteGeneratorTest.REGISTRY + RULES, RouteFixtures.MESH);
    RouteConfiguration rc = (RouteConfiguration) new RouteGenerator()
        .generate(context(s, proxy("shop", Map.of())), Set.of("9080")).resources().get(0).message();
    RouteAction reviews = vh(rc, "reviews.shop.svc.corp.example:9080").getRoutes(0).getRoute();
    assertThat(reviews.getHashPolicyList()).containsExactly(RouteAction.HashPolicy.newBuilder()
        .setCookie(RouteAction.HashPolicy.Cookie.newBuilder().setName("sticky").setPath("/")
            .setTtl(Duration.newBuilder().setSeconds(60))).build());
    RouteAction ratings = vh(rc, "ratings.ops.svc.corp.example:9080").getRoutes(0).getRoute();
    assertThat(ratings.getHashPolicyList()).containsExactly(RouteAction.HashPolicy.newBuilder()
        .setConnectionProperties(RouteAction.HashPolicy.ConnectionProperties.newBuilder().setSourceIp(true)).build());
  }

  @Test
  @DisplayName("without a subset the rule's top-level key applies; no rule, no hash policy")
  void topLevel() {
    var rule = dev.meshwright.api.networking.DestinationRuleSpec.builder()
        .trafficPolicy(dev.meshwright.api.networking.TrafficPolicy.builder()
            .loadBalancer(dev.meshwright.api.networking.LoadBalancerSettings.builder()
                .consistentHash(dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB.builder()
                    .httpHeaderName("x-h").build()).build()).build()).build();
    HashPolicies h = HashPolicies.of(host -> host.equals("a") ? java.util.Optional.of(rule)
        : java.util.Optional.empty());
    assertThat(h.forDestination(dev.meshwright.api.networking.Destination.of("a", "v9")))
        .contains(RouteAction.HashPolicy.newBuilder()
            .setHeader(RouteAction.HashPolicy.Header.newBuilder().setHeaderName("x-h")).build());
    assertThat(h.forDestination(dev.meshwright.api.networking.Destination.of("b"))).isEmpty();
    assertThat(HashPolicies.NONE.forService("a", 80)).isEmpty();
  }
}
