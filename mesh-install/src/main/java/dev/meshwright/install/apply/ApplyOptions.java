package dev.meshwright.install.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of an install: how objects are written, as which field manager, and how long to wait for
 * workloads to become ready ({@code readinessTimeout} zero means do not wait).
 */
public record ApplyOptions(ApplyMode mode, String fieldManager, Duration readinessTimeout, Duration pollInterval) {
  /** The field manager Meshwright writes as. */
  public static final String FIELD_MANAGER = "meshwright";

  /** Validates: a non-blank field manager, a non-negative timeout and a positive poll interval. */
  public ApplyOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(fieldManager, "fieldManager");
    Objects.requireNonNull(readinessTimeout, "readinessTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (fieldManager.isBlank()) {
      throw new IllegalArgumentException("fieldManager must not be blank");
    }
    if (readinessTimeout.isNegative()) {
      throw new IllegalArgumentException("readinessTimeout must not be negative: " + readinessTimeout);
    }
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
  }

  /** Server-side apply as {@value #FIELD_MANAGER}, waiting up to five minutes (istioctl's default), polling every 2 s. */
  public static ApplyOptions defaults() {
    return new ApplyOptions(ApplyMode.SERVER_SIDE, FIELD_MANAGER, Duration.ofMinutes(5), Duration.ofSeconds(2));
  }

  /** A copy with another mode. */
  public ApplyOptions withMode(ApplyMode value) {
    return new ApplyOptions(value, fieldManager, readinessTimeout, pollInterval);
  }

  /** A copy with another readiness timeout. */
  public ApplyOptions withReadinessTimeout(Duration value) {
    return new ApplyOptions(mode, fieldManager, value, pollInterval);
  }
}
