package dev.meshwright.xds.e2e;

import static dev.meshwright.xds.e2e.EchoMesh.to;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Route timeouts ({@code max_stream_duration}, what istiod sends proxyless clients) and retry policies as
 * grpc-java's xDS client applies them to calls against real backends.
 */
class ResilienceTest {
  @Test
  @DisplayName("a route timeout of 200 ms ends a call to a backend that answers after 3 s with DEADLINE_EXCEEDED")
  void routeTimeout() throws Exception {
    try (Backend slow = Backend.slow("v1", Duration.ofSeconds(3));
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(slow), EchoMesh.virtualService("""
            - timeout: 200ms
              route: [%s]
            """.formatted(to("v1")))));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "timeout")) {
      cp.awaitSynced(client);
      // the client's own deadline is 5 s: only the route's timeout ends the call before the backend answers
      assertThat(client.call().code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(slow.calls()).as("the call reached the backend before it timed out").isEqualTo(1);
    }
  }

  /** One call to a backend that fails its first two attempts with UNAVAILABLE, under {@code rule}. */
  private static ProxylessClient.Reply callFailingTwice(String rule, Backend backend) throws Exception {
    try (ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(backend),
        EchoMesh.virtualService(rule.formatted(to("v1")))));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "retries")) {
      cp.awaitSynced(client);
      return client.call();
    }
  }

  @Test
  @DisplayName("retries {attempts: 3, retryOn: unavailable}: two UNAVAILABLE attempts, the third succeeds")
  void retriesOnUnavailable() throws Exception {
    try (Backend v1 = Backend.failingFirst("v1", 2, Status.UNAVAILABLE)) {
      ProxylessClient.Reply r = callFailingTwice("""
          - retries: {attempts: 3, retryOn: unavailable}
            route: [%s]
          """, v1);
      assertThat(r.outcome()).isEqualTo("v1");
      assertThat(v1.calls()).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("without retries in the VirtualService, Istio's default policy (2 retries on unavailable) applies")
  void defaultRetryPolicy() throws Exception {
    try (Backend v1 = Backend.failingFirst("v1", 2, Status.UNAVAILABLE)) {
      ProxylessClient.Reply r = callFailingTwice("- route: [%s]\n", v1);
      assertThat(r.outcome()).isEqualTo("v1");
      assertThat(v1.calls()).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("retries {attempts: 0} disables retrying: the first UNAVAILABLE reaches the caller after one attempt")
  void retriesDisabled() throws Exception {
    try (Backend v1 = Backend.failingFirst("v1", 2, Status.UNAVAILABLE)) {
      ProxylessClient.Reply r = callFailingTwice("""
          - retries: {attempts: 0}
            route: [%s]
          """, v1);
      assertThat(r.code()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(v1.calls()).isEqualTo(1);
    }
  }
}
