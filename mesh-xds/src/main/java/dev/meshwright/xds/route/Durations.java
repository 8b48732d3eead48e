package dev.meshwright.xds.route;

import com.google.protobuf.Duration;

/** {@code java.time.Duration} to protobuf {@code Duration}. Stateless. */
final class Durations {
  private Durations() {}

  static final Duration ZERO = Duration.getDefaultInstance();

  static Duration of(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }
}
