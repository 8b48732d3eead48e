package dev.meshwright.xds.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server admits new streams' initial syncs (see {@link AdsServer}): an adaptive concurrency limit that
 * starts at {@code initialLimit}, grows by one for each initial sync that finishes within {@code targetLatency}
 * while others wait, shrinks by a quarter for each slower one (never below {@code initialLimit}, never above
 * {@code maxLimit}). Streams beyond the limit are held in arrival order; more than {@code maxWaiting} held streams
 * and a new one is ended with {@code RESOURCE_EXHAUSTED}, which proxies retry. Immutable.
 *
 * @param initialLimit the limit to start from and its floor
 * @param maxLimit the highest the limit grows
 * @param targetLatency the admission-to-first-response time above which the limit shrinks
 * @param maxWaiting how many streams may be held
 */
public record AdmissionOptions(int initialLimit, int maxLimit, Duration targetLatency, int maxWaiting) {
  public AdmissionOptions {
    Objects.requireNonNull(targetLatency, "targetLatency");
    if (initialLimit < 1 || maxLimit < initialLimit) {
      throw new IllegalArgumentException("admission limits need 1 <= initialLimit <= maxLimit, got " + initialLimit
          + " and " + maxLimit);
    }
    if (targetLatency.isNegative() || targetLatency.isZero()) {
      throw new IllegalArgumentException("admission targetLatency must be positive, got " + targetLatency);
    }
    if (maxWaiting < 0) {
      throw new IllegalArgumentException("admission maxWaiting must not be negative, got " + maxWaiting);
    }
  }

  /** Four initial syncs per push thread to start, up to 1,024, a 1 s target and up to 100,000 held streams. */
  public static AdmissionOptions forPushThreads(int pushThreads) {
    return new AdmissionOptions(4 * pushThreads, Math.max(4 * pushThreads, 1024), Duration.ofSeconds(1), 100_000);
  }
}
