package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The digest's hex form is exactly {@code %016x}, and a pair's hash depends on both strings. */
class HeldDigestTest {
  @Test
  void hexIsSixteenZeroPaddedLowerCaseDigits() {
    SplittableRandom random = new SplittableRandom(7);
    long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xabcL};
    for (long v : edges) {
      assertThat(HeldDigest.hex(v)).isEqualTo(String.format("%016x", v));
    }
    for (int i = 0; i < 10_000; i++) {
      long v = random.nextLong();
      assertThat(HeldDigest.hex(v)).isEqualTo(String.format("%016x", v));
    }
  }

  @Test
  void aPairsHashDependsOnNameAndVersion() {
    long base = HeldDigest.entry("outbound|80||a.ns.svc.cluster.local", "v1");
    assertThat(HeldDigest.entry("outbound|80||a.ns.svc.cluster.local", "v2")).isNotEqualTo(base);
    assertThat(HeldDigest.entry("outbound|80||b.ns.svc.cluster.local", "v1")).isNotEqualTo(base);
    assertThat(HeldDigest.entry("v1", "outbound|80||a.ns.svc.cluster.local")).isNotEqualTo(base);
  }
}
