package dev.meshwright.xds.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting without sleeping as an assertion: asks {@code probe} again until its value satisfies the condition or the
 * deadline passes, then fails naming what was awaited and the last value seen.
 */
final class Poll {
  private Poll() {}

  /** How long anything in these tests may take to converge (generous: the build machine is shared). */
  static final Duration DEADLINE = Duration.ofSeconds(20);

  /** The first value of {@code probe} that satisfies {@code done}, within {@link #DEADLINE}. */
  static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
      last = probe.get();
    }
    return last;
  }
}
