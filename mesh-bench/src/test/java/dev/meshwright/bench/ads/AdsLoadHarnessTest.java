package dev.meshwright.bench.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ADS load harness at toy size: it drives both servers over both protocols to the end (no timings checked). */
class AdsLoadHarnessTest {
  @Test
  @DisplayName("5 streams × 10 clusters: every stream of every server and protocol syncs and receives each change")
  void everyStreamSyncsAndSeesEveryChange() throws InterruptedException {
    LoadOptions options = LoadOptions.parse("--streams", "5", "--clusters", "10", "--rounds", "2",
        "--warmup-rounds", "1", "--debounce-ms", "0,20", "--timeout-s", "60", "--heap");
    List<LoadResult> seen = new ArrayList<>();
    List<LoadResult> results = AdsLoadHarness.run(options, seen::add);

    assertThat(results).isEqualTo(seen);
    assertThat(results).extracting(r -> r.server() + " " + r.protocol()).containsExactly(
        "meshwright (debounce 0 ms) DELTA", "meshwright (debounce 0 ms) SOTW",
        "meshwright (debounce 20 ms) DELTA", "meshwright (debounce 20 ms) SOTW",
        "java-control-plane 1.0.49 DELTA", "java-control-plane 1.0.49 SOTW");
    for (LoadResult r : results) {
      assertThat(r.synced()).as(r.server() + " " + r.protocol() + " synced").isEqualTo(5);
      assertThat(r.updates()).as(r.server() + " " + r.protocol() + " updates").isEqualTo(10);
      assertThat(r.missed()).isZero();
      assertThat(r.errors()).isZero();
      assertThat(r.publishMs()).hasSize(2);
      assertThat(r.row()).startsWith("| " + r.server() + " | " + (r.protocol() == Protocol.DELTA ? "Delta" : "SotW"));
    }
  }

  @Test
  @DisplayName("with --load-jvm the streams run in a JVM of their own and still sync and see every change")
  void loadGeneratorJvm() throws InterruptedException {
    LoadOptions options = LoadOptions.parse("--streams", "4", "--clusters", "8", "--rounds", "2",
        "--warmup-rounds", "1", "--servers", "meshwright", "--timeout-s", "60", "--load-jvm");
    List<LoadResult> results = AdsLoadHarness.run(options, r -> { });

    assertThat(results).extracting(LoadResult::protocol).containsExactly(Protocol.DELTA, Protocol.SOTW);
    for (LoadResult r : results) {
      assertThat(r.synced()).as(r.protocol() + " synced").isEqualTo(4);
      assertThat(r.updates()).as(r.protocol() + " updates").isEqualTo(8);
      assertThat(r.missed()).isZero();
      assertThat(r.errors()).isZero();
      assertThat(java.util.Arrays.stream(r.fanoutMs()).min().orElse(-1)).isPositive();
    }
  }

  @Test
  @DisplayName("a bad option is refused with its name")
  void badOptions() {
    assertThatThrownBy(() -> LoadOptions.parse("--streams", "many")).hasMessageContaining("--streams");
    assertThatThrownBy(() -> LoadOptions.parse("--servers", "istiod")).hasMessageContaining("istiod");
    assertThatThrownBy(() -> LoadOptions.parse("--rounds")).hasMessageContaining("--rounds needs a value");
  }
}
