package dev.meshwright.api.mesh;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's {@code time.Duration.String()} form ({@code 1h0m0s}, {@code 1.5s}, {@code 2ms}), used in Istio's messages. */
final class GoDurations {
  private GoDurations() {}

  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    long nanos = a.toNanos();
    if (nanos < 1_000_000_000L) {
      if (nanos < 1_000) {
        return sign + nanos + "ns";
      }
      if (nanos < 1_000_000) {
        return sign + decimal(nanos, 1_000) + "µs";
      }
      return sign + decimal(nanos, 1_000_000) + "ms";
    }
    long hours = a.toHours();
    long minutes = a.toMinutesPart();
    String seconds = decimal(a.toSecondsPart() * 1_000_000_000L + a.toNanosPart(), 1_000_000_000L) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + "m" + seconds;
    }
    return sign + seconds;
  }

  private static String decimal(long value, long unit) {
    return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }
}
