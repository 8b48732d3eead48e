package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveDemoTest {
  @Test
  @DisplayName("proxyless gRPC traffic follows the VirtualService (v1, 50/50, v3); an ISTIO_MUTUAL DestinationRule is "
      + "NACKed, shown as ERROR, traffic keeps flowing on the last good config, restoring it syncs CDS again; "
      + "closing the mesh leaves no non-daemon thread behind")
  void trafficFollowsConfig() throws Exception {
    StringWriter text = new StringWriter();
    Set<Thread> before = nonDaemonThreads();
    LiveDemo.Result r;
    try (LiveMesh mesh = LiveMesh.start()) {
      r = new LiveDemo(new PrintWriter(text, true), mesh).run();
    }
    long deadline = System.nanoTime() + 15_000_000_000L;      // servers stop their threads asynchronously
    Set<Thread> left = leftOver(before);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      left = leftOver(before);
    }
    assertThat(left).as("non-daemon threads still running after close").isEmpty();
    assertThat(r.splits().get(0)).isEqualTo(Map.of("reviews-v1", 200));
    Map<String, Integer> half = r.splits().get(1);
    assertThat(half).containsOnlyKeys("reviews-v1", "reviews-v3");
    assertThat(half.get("reviews-v1")).isBetween(160, 240);           // 400 calls, 50% ± 10%
    assertThat(r.splits().get(2)).isEqualTo(Map.of("reviews-v3", 400));
    assertThat(r.nack()).contains("CertificateProvider instance name 'default' not defined");
    assertThat(r.afterNack()).isEqualTo(Map.of("reviews-v3", 200));
    assertThat(r.proxyStatus()).contains(LiveMesh.PROXY).contains("ERROR " + LiveMesh.PROXY + " CDS: ");
    assertThat(r.recovered()).contains(LiveMesh.PROXY).doesNotContain("ERROR");
    assertThat(text.toString())
        .contains("4. Control plane: ADS + CA on 127.0.0.1:")
        .contains("VirtualService reviews: 50% v1 / 50% v3 → 400 calls: reviews-v1=")
        .doesNotContain("11.");
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  private static Set<Thread> leftOver(Set<Thread> before) {
    Set<Thread> now = new HashSet<>(nonDaemonThreads());
    now.removeAll(before);
    return now;
  }
}
