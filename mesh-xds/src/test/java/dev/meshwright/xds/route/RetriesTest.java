package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.vs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.networking.HTTPRetry;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetriesTest {
  private static final RetryPolicy ISTIO_DEFAULT = RetryPolicy.newBuilder()
      .setNumRetries(UInt32Value.of(2))
      .setRetryOn("connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes")
      .addRetriableStatusCodes(503)
      .addRetryHostPredicate(RetryPolicy.RetryHostPredicate.newBuilder()
          .setName("envoy.retry_host_predicates.previous_hosts")
          .setTypedConfig(Any.pack(PreviousHostsPredicate.getDefaultInstance())))
      .setHostSelectionRetryMaxAttempts(5)
      .build();

  private static RouteAction action(String retries, MeshConfig mesh) {
    String yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r, namespace: ops}\n"
        + "spec:\n  hosts: [api]\n  http:\n  - " + retries + "route: [{destination: {host: api}}]\n";
    RouteContext ctx = RouteContext.sidecar(proxy("ops", Map.of()), 8080, Map.of(), mesh, RouteFixtures.SUFFIX);
    return RouteTranslator.translate(vs(yaml), ctx).routes().get(0).getRoute();
  }

  @Test
  @DisplayName("no retries anywhere: Istio's default policy (2 retries, previous_hosts, 5 host selections)")
  void istioDefault() {
    assertThat(Retries.defaultPolicy()).isEqualTo(ISTIO_DEFAULT);
    assertThat(action("", RouteFixtures.MESH).getRetryPolicy()).isEqualTo(ISTIO_DEFAULT);
  }

  @Test
  @DisplayName("attempts 0 (or a policy without attempts) means no retry policy at all")
  void attemptsZero() {
    assertThat(action("retries: {attempts: 0}\n    ", RouteFixtures.MESH).hasRetryPolicy()).isFalse();
    assertThat(action("retries: {retryOn: 5xx}\n    ", RouteFixtures.MESH).hasRetryPolicy()).isFalse();
  }

  @Test
  @DisplayName("a given policy overrides attempts, retryOn (numbers become status codes), perTryTimeout and "
      + "retryRemoteLocalities over the default")
  void custom() {
    RetryPolicy p = action("retries: {attempts: 4, perTryTimeout: 1s, retryOn: \"gateway-error, 502,x, 999\", "
        + "retryRemoteLocalities: true}\n    ", RouteFixtures.MESH).getRetryPolicy();
    assertThat(p.getNumRetries().getValue()).isEqualTo(4);
    assertThat(p.getRetryOn()).isEqualTo("gateway-error,x,999,retriable-status-codes");
    assertThat(p.getRetriableStatusCodesList()).containsExactly(502);
    assertThat(p.getPerTryTimeout()).isEqualTo(Duration.newBuilder().setSeconds(1).build());
    assertThat(p.getRetryHostPredicateList()).isEqualTo(ISTIO_DEFAULT.getRetryHostPredicateList());
    assertThat(p.getRetryPriority().getName()).isEqualTo("envoy.retry_priorities.previous_priorities");
    RetryPolicy kept = action("retries: {attempts: 1, retryOn: 5xx}\n    ", RouteFixtures.MESH).getRetryPolicy();
    assertThat(kept.getRetryOn()).isEqualTo("5xx");
    assertThat(kept.getRetriableStatusCodesList()).isEmpty();
  }

  @Test
  @DisplayName("the mesh defaultHttpRetryPolicy replaces Istio's default for rules without retries")
  void meshDefault() {
    MeshConfig mesh = MeshConfig.builder().from(RouteFixtures.MESH)
        .defaultHttpRetryPolicy(HTTPRetry.builder().attempts(7).build()).build();
    assertThat(action("", mesh).getRetryPolicy().getNumRetries().getValue()).isEqualTo(7);
    MeshConfig none = MeshConfig.builder().from(RouteFixtures.MESH)
        .defaultHttpRetryPolicy(HTTPRetry.builder().attempts(0).build()).build();
    assertThat(action("", none).hasRetryPolicy()).isFalse();
    assertThat(Retries.convert(Optional.empty())).contains(ISTIO_DEFAULT);
  }
}
