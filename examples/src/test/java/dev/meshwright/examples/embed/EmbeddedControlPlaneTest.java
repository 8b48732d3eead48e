package dev.meshwright.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddedControlPlaneTest {
  @Test
  @DisplayName("a grpc-xds client follows the inventory's instances and the VirtualService's split; all is closed after")
  void trafficFollowsTheRegistry() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    EmbeddedControlPlane.Outcome outcome = EmbeddedControlPlane.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    List<Map<String, Integer>> splits = outcome.splits();
    assertThat(splits).hasSize(3);
    // 80/20 over v1-a, v1-b | v2-a: every instance listed answers, v1 more than v2, nothing else and no errors
    Map<String, Integer> first = splits.get(0);
    assertThat(first).containsOnlyKeys("reviews-v1-a", "reviews-v1-b", "reviews-v2-a");
    assertThat(first.get("reviews-v1-a") + first.get("reviews-v1-b")).isGreaterThan(2 * first.get("reviews-v2-a"));
    // v1-b left the inventory (its server still runs) and v2-b joined: pushed as EDS only
    Map<String, Integer> second = splits.get(1);
    assertThat(second).containsOnlyKeys("reviews-v1-a", "reviews-v2-a", "reviews-v2-b");
    assertThat(second.get("reviews-v1-a")).isGreaterThan(second.get("reviews-v2-a") + second.get("reviews-v2-b"));
    // the route now sends everything to v2, spread over its two instances
    assertThat(splits.get(2)).containsOnlyKeys("reviews-v2-a", "reviews-v2-b");
    assertThat(splits.get(2).values()).allMatch(n -> n > 0);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("control plane: ADS on 127.0.0.1:", "reviews.shop.internal", "(publish, EDS only)",
            "closed: client, control plane and backends");
    for (int port : outcome.ports()) {
      assertThatThrownBy(() -> connect(port)).as("port %d still open", port).isInstanceOf(IOException.class);
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }
}
