package dev.meshwright.xds.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delayed tasks and a monotonic clock for the push pipeline, so debouncing can be tested with a fake clock.
 * Implementations are thread-safe.
 */
public interface Scheduler {
  /** Runs {@code task} once after {@code delay}. */
  void schedule(Duration delay, Runnable task);

  /** A monotonic time in nanoseconds (only differences mean anything). */
  long nanoTime();

  /** A scheduler on {@code executor} and {@link System#nanoTime()}. */
  static Scheduler on(ScheduledExecutorService executor) {
    return new Scheduler() {
      @Override
      public void schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> ignored = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      }

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }
    };
  }
}
