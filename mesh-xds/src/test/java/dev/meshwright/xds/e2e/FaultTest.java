package dev.meshwright.xds.e2e;

import static dev.meshwright.xds.e2e.EchoMesh.to;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * VirtualService fault injection as grpc-java's fault filter applies it (the listener's
 * {@code envoy.filters.http.fault} with the route's per-filter config): aborts end the call in the client with the
 * mapped gRPC status, before any backend sees it; delays hold the call back at least the configured time.
 */
class FaultTest {
  private static void assertAborted(String abort, Status.Code expected) throws Exception {
    try (Backend v1 = Backend.start("v1");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1), EchoMesh.virtualService("""
            - fault: {abort: {%s, percentage: {value: 100}}}
              route: [%s]
            """.formatted(abort, to("v1")))));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "abort")) {
      cp.awaitSynced(client);
      assertThat(client.send(20)).isEqualTo(Map.of("error " + expected, 20));
      assertThat(v1.calls()).as("the abort happens in the client").isZero();
    }
  }

  @Test
  @DisplayName("an abort with httpStatus 503 at 100% fails every call with UNAVAILABLE (gRPC's mapping of 503)")
  void abortByHttpStatus() throws Exception {
    assertAborted("httpStatus: 503", Status.Code.UNAVAILABLE);
  }

  @Test
  @DisplayName("an abort with grpcStatus PERMISSION_DENIED at 100% fails every call with that status")
  void abortByGrpcStatus() throws Exception {
    assertAborted("grpcStatus: PERMISSION_DENIED", Status.Code.PERMISSION_DENIED);
  }

  @Test
  @DisplayName("a fixed delay of 300 ms at 100% holds every call back at least 300 ms, then it succeeds")
  void fixedDelay() throws Exception {
    Duration delay = Duration.ofMillis(300);
    try (Backend v1 = Backend.start("v1");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1), EchoMesh.virtualService("""
            - fault: {delay: {fixedDelay: %dms, percentage: {value: 100}}}
              route: [%s]
            """.formatted(delay.toMillis(), to("v1")))));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "delay")) {
      cp.awaitSynced(client);
      for (int i = 0; i < 3; i++) {
        ProxylessClient.Reply r = client.call();
        assertThat(r.outcome()).isEqualTo("v1");
        assertThat(r.took()).isGreaterThanOrEqualTo(delay);
      }
    }
  }
}
