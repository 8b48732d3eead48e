package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.TypeUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Adaptive admission of new streams' initial syncs. */
class AdmissionTest {
  private final FakeScheduler clock = new FakeScheduler();
  private final XdsMetrics metrics = new XdsMetrics();
  private final List<Integer> admitted = new ArrayList<>();

  private Admission admission(int initial, int max, int maxWaiting) {
    return new Admission(new AdmissionOptions(initial, max, Duration.ofMillis(100), maxWaiting), clock, metrics);
  }

  private boolean arrive(Admission a, int id) {
    return a.acquire(() -> admitted.add(id));
  }

  @Test
  @DisplayName("an idle server admits at once; past the limit streams wait in order, past the bound they are refused")
  void holdsThenRefuses() {
    Admission a = admission(2, 8, 2);
    assertThat(arrive(a, 1)).isTrue();
    assertThat(arrive(a, 2)).isTrue();
    assertThat(admitted).as("below the limit: no wait").containsExactly(1, 2);
    assertThat(arrive(a, 3)).isTrue();
    assertThat(arrive(a, 4)).isTrue();
    assertThat(arrive(a, 5)).as("two already wait").isFalse();
    assertThat(a.waiting()).isEqualTo(2);
    clock.advance(Duration.ofMillis(30));
    a.release(Duration.ofMillis(30).toNanos());
    assertThat(a.limit()).as("a fast sync while others wait raises the limit").isEqualTo(3);
    assertThat(admitted).as("the freed place and the new one go to the waiters, first come first").containsExactly(
        1, 2, 3, 4);
    assertThat(metrics.prometheusText()).contains("meshwright_xds_admission_rejected 1")
        .contains("meshwright_xds_admission_wait_time_count 4")
        .contains("meshwright_xds_admission_wait_time_bucket{le=\"0.05\"} 4");
  }

  @Test
  @DisplayName("syncs slower than the target cut the limit by a quarter, never below the initial limit")
  void multiplicativeDecrease() {
    Admission a = admission(2, 64, 100);
    for (int i = 0; i < 40; i++) {
      arrive(a, i);
    }
    for (int i = 0; i < 10; i++) {
      a.release(Duration.ofMillis(10).toNanos());
    }
    assertThat(a.limit()).isEqualTo(12);
    a.release(Duration.ofMillis(500).toNanos());
    assertThat(a.limit()).isEqualTo(9);
    for (int i = 0; i < 10; i++) {
      a.release(Duration.ofSeconds(1).toNanos());
    }
    assertThat(a.limit()).isEqualTo(2);
    assertThat(a.inFlight()).as("each release admitted a waiter while the limit allowed").isLessThanOrEqualTo(9);
  }

  @Test
  @DisplayName("a burst of streams with room for one initial sync at a time: every stream is held, then synced")
  void burstThroughServer() throws Exception {
    AdsOptions options = AdsOptions.loopback().withAdmission(new AdmissionOptions(1, 1, Duration.ofSeconds(1), 100));
    try (AdsServer server = AdsServer.builder(TestMesh.source(), snapshot(A_SE)).options(options).start()) {
      List<AdsClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) {
          AdsClient c = AdsClient.sotw(server.port(), "sidecar~10.1.3." + i + "~p" + i + ".shop~shop.svc.corp.example");
          clients.add(c);
          c.request(TypeUrls.CLUSTER, List.of(), "", "");
        }
        for (AdsClient c : clients) {
          assertThat(Names.of(c.next())).hasSize(1);
        }
        String text = server.metrics().prometheusText();
        assertThat(text).contains("meshwright_xds_admission_wait_time_count 20")
            .contains("meshwright_xds_admission_rejected 0").contains("meshwright_xds_admission_waiting 0")
            .contains("meshwright_xds_admission_limit 1");
      } finally {
        clients.forEach(AdsClient::close);
      }
    }
  }
}
