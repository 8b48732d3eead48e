package dev.meshwright.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IstioDurationsTest {
  @Test
  @DisplayName("reads proto-JSON seconds and Go durations; writes seconds with trimmed fractions")
  void parseAndFormat() {
    assertThat(IstioDurations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(IstioDurations.parse("0.5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(IstioDurations.parse("0.000000001s")).isEqualTo(Duration.ofNanos(1));
    assertThat(IstioDurations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(IstioDurations.parse("8ms")).isEqualTo(Duration.ofMillis(8));
    assertThat(IstioDurations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(IstioDurations.parse("-2s")).isEqualTo(Duration.ofSeconds(-2));
    assertThat(IstioDurations.format(Duration.ofMillis(500))).isEqualTo("0.5s");
    assertThat(IstioDurations.format(Duration.ofMinutes(3))).isEqualTo("180s");
    assertThat(IstioDurations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  @DisplayName("rejects text that is no duration, with Istio's wording")
  void rejects() {
    for (String bad : new String[] {"", "10", "s", "1x", "1.2.3s", "ten seconds"}) {
      assertThatThrownBy(() -> IstioDurations.parse(bad)).hasMessageStartingWith("bad Duration");
    }
  }
}
