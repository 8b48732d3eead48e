package dev.meshwright.xds.server;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Merges bursts of events into one, as istiod's {@code debounce}: an event is delivered once no other event has
 * arrived for {@code quiet} ({@code PILOT_DEBOUNCE_AFTER}, 100 ms) or once the first pending event is {@code max}
 * old ({@code PILOT_DEBOUNCE_MAX}, 10 s), whichever comes first. Events that arrive meanwhile are merged with
 * {@code merge}. A zero quiet period delivers as soon as the scheduler's thread runs (events submitted before
 * then are merged). {@link #submit} never blocks on delivery: the sink runs on the scheduler's thread. Thread-safe.
 *
 * @param <T> the event type
 */
final class Debouncer<T> {
  private final long quietNanos;
  private final long maxNanos;
  private final Scheduler scheduler;
  private final BinaryOperator<T> merge;
  private final Consumer<T> sink;
  private T pending;
  private long firstNanos;
  private long lastNanos;
  private boolean timerSet;

  Debouncer(Duration quiet, Duration max, Scheduler scheduler, BinaryOperator<T> merge, Consumer<T> sink) {
    this.quietNanos = quiet.toNanos();
    this.maxNanos = max.toNanos();
    this.scheduler = Objects.requireNonNull(scheduler);
    this.merge = Objects.requireNonNull(merge);
    this.sink = Objects.requireNonNull(sink);
  }

  /** Adds an event; it is delivered (merged with others) after the quiet period. */
  void submit(T event) {
    synchronized (this) {
      long t = scheduler.nanoTime();
      pending = pending == null ? event : merge.apply(pending, event);
      lastNanos = t;
      if (!timerSet) {
        firstNanos = t;
        timerSet = true;
        // with no quiet period the event still goes out on the scheduler's thread: handing a push to every
        // stream is O(streams), and the publisher must not pay for it
        scheduler.schedule(Duration.ofNanos(Math.max(0, quietNanos)), this::check);
      }
    }
  }

  private void check() {
    T ready;
    synchronized (this) {
      long t = scheduler.nanoTime();
      long quiet = t - lastNanos;
      long total = t - firstNanos;
      if (quiet < quietNanos && total < maxNanos) {
        long wait = Math.min(quietNanos - quiet, maxNanos - total);
        scheduler.schedule(Duration.ofNanos(wait), this::check);
        return;
      }
      ready = pending;
      pending = null;
      timerSet = false;
    }
    if (ready != null) {
      sink.accept(ready);
    }
  }
}
