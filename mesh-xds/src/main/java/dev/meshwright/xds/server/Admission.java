package dev.meshwright.xds.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Admission of new streams' initial syncs, with a concurrency limit that adapts by AIMD instead of istiod's fixed
 * {@code PILOT_MAX_REQUESTS_PER_SECOND} rate: at most {@link #limit()} initial generations are in flight (from
 * admission until the first response is handed to gRPC, the transport stalls, or the stream ends). Each one that
 * completes within the target latency while others wait raises the limit by one; one slower than the target cuts it
 * by a quarter, never below the floor. An idle server admits at once; a reconnect storm is held in FIFO order, and
 * the push executor never sees more initial work than it can turn around within the target.
 *
 * <p>Waiting streams are held, not rejected, up to {@code maxWaiting}; past that {@link #acquire} refuses and the
 * stream is ended with {@code RESOURCE_EXHAUSTED} so the proxy retries (possibly against another replica).
 * Callbacks run outside the lock, on the thread that admitted them. Thread-safe.
 */
final class Admission {
  private record Waiter(Runnable admit, long sinceNanos) {}

  private final AdmissionOptions options;
  private final Scheduler clock;
  private final XdsMetrics metrics;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private double limit;
  private int inFlight;

  Admission(AdmissionOptions options, Scheduler clock, XdsMetrics metrics) {
    this.options = Objects.requireNonNull(options);
    this.clock = Objects.requireNonNull(clock);
    this.metrics = Objects.requireNonNull(metrics);
    this.limit = options.initialLimit();
    metrics.admission(this::limit, this::waiting);
  }

  /** Runs {@code admit} once a place is free (at once when one is); false when the waiting room is full. */
  boolean acquire(Runnable admit) {
    synchronized (this) {
      if (inFlight >= (int) limit || !waiting.isEmpty()) {
        if (waiting.size() >= options.maxWaiting()) {
          metrics.admissionRejected();
          return false;
        }
        waiting.add(new Waiter(admit, clock.nanoTime()));
        return true;
      }
      inFlight++;
    }
    metrics.admissionWait(0);
    admit.run();
    return true;
  }

  /** An admitted sync finished after {@code latencyNanos}: frees its place and adapts the limit. */
  void release(long latencyNanos) {
    List<Waiter> admitted;
    synchronized (this) {
      if (latencyNanos > options.targetLatency().toNanos()) {
        limit = Math.max(options.initialLimit(), limit * 0.75);
      } else if (!waiting.isEmpty()) {
        limit = Math.min(options.maxLimit(), limit + 1);
      }
      admitted = free();
    }
    admit(admitted);
  }

  /** An admitted stream ended before its sync finished: frees its place without adapting. */
  void abandon() {
    List<Waiter> admitted;
    synchronized (this) {
      admitted = free();
    }
    admit(admitted);
  }

  private List<Waiter> free() {
    inFlight--;
    List<Waiter> out = new ArrayList<>();
    while (inFlight < (int) limit && !waiting.isEmpty()) {
      inFlight++;
      out.add(waiting.poll());
    }
    return out;
  }

  private void admit(List<Waiter> admitted) {
    long now = clock.nanoTime();
    for (Waiter w : admitted) {
      metrics.admissionWait(now - w.sinceNanos());
      w.admit().run();
    }
  }

  /** The current concurrency limit. */
  synchronized int limit() {
    return (int) limit;
  }

  /** How many streams wait. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** How many initial syncs are in flight. */
  synchronized int inFlight() {
    return inFlight;
  }
}
