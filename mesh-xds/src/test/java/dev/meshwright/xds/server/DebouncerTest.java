package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Debouncing as istiod's PILOT_DEBOUNCE_AFTER / PILOT_DEBOUNCE_MAX, on a fake clock. */
class DebouncerTest {
  private final FakeScheduler clock = new FakeScheduler();
  private final List<String> delivered = new ArrayList<>();
  private final Debouncer<String> debouncer = new Debouncer<>(Duration.ofMillis(100), Duration.ofSeconds(10), clock,
      (a, b) -> a + "+" + b, delivered::add);

  @Test
  @DisplayName("one event is delivered after the quiet period, not before")
  void quietPeriod() {
    debouncer.submit("a");
    clock.advance(Duration.ofMillis(99));
    assertThat(delivered).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(delivered).containsExactly("a");
  }

  @Test
  @DisplayName("events closer than the quiet period are merged into one delivery after the last one goes quiet")
  void burstMerged() {
    debouncer.submit("a");
    clock.advance(Duration.ofMillis(60));
    debouncer.submit("b");
    clock.advance(Duration.ofMillis(60));
    debouncer.submit("c");
    clock.advance(Duration.ofMillis(99));
    assertThat(delivered).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(delivered).containsExactly("a+b+c");
  }

  @Test
  @DisplayName("a stream of events that never goes quiet is delivered when the first one is 10 s old")
  void maxDelay() {
    for (int i = 0; i < 200; i++) {
      debouncer.submit("e");
      clock.advance(Duration.ofMillis(50));
      if (!delivered.isEmpty()) {
        break;
      }
    }
    assertThat(delivered).hasSize(1);
    assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(10).toNanos());
  }

  @Test
  @DisplayName("after a delivery the next event starts a new window")
  void newWindow() {
    debouncer.submit("a");
    clock.advance(Duration.ofMillis(100));
    debouncer.submit("b");
    clock.advance(Duration.ofMillis(100));
    assertThat(delivered).containsExactly("a", "b");
  }

  @Test
  @DisplayName("a zero quiet period delivers at once, on the scheduler's thread rather than the publisher's")
  void noDebounce() {
    Debouncer<String> now = new Debouncer<>(Duration.ZERO, Duration.ZERO, clock, (a, b) -> b, delivered::add);
    now.submit("x");
    assertThat(delivered).isEmpty();
    clock.advance(Duration.ZERO);
    assertThat(delivered).containsExactly("x");
    now.submit("y");
    now.submit("z");
    clock.advance(Duration.ZERO);
    assertThat(delivered).containsExactly("x", "z");
  }
}
