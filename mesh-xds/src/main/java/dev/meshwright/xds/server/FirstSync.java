package dev.meshwright.xds.server;

import java.util.Objects;

/**
 * One stream's way through {@link Admission}: not asked yet, waiting for a place, syncing its first config (holding
 * a place), or through. The place is given back once, when the first sync finishes (its latency adapts the limit)
 * or the stream ends first (it does not). Thread-safe.
 */
final class FirstSync {
  private enum State { NEW, WAITING, SYNCING, DONE }

  private final Admission admission;
  private State state = State.NEW;
  private long admittedNanos;

  FirstSync(Admission admission) {
    this.admission = Objects.requireNonNull(admission);
  }

  /**
   * Asks for a place on the first call ({@code onAdmit} runs once one is free, maybe at once); false when the
   * waiting room is full. Later calls do nothing and return true.
   */
  boolean request(Runnable onAdmit) {
    synchronized (this) {
      if (state != State.NEW) {
        return true;
      }
      state = State.WAITING;
    }
    return admission.acquire(() -> {
      synchronized (this) {
        state = State.SYNCING;
        admittedNanos = System.nanoTime();
      }
      onAdmit.run();
    });
  }

  /** Whether the stream may push: it holds a place or is through. */
  synchronized boolean admitted() {
    return state == State.SYNCING || state == State.DONE;
  }

  /** The first sync finished ({@code completed}) or the stream ended: gives the place back, once. */
  void finish(boolean completed) {
    long latency;
    synchronized (this) {
      if (state != State.SYNCING) {
        if (state != State.WAITING) {
          state = State.DONE;
        }
        return;
      }
      state = State.DONE;
      latency = System.nanoTime() - admittedNanos;
    }
    if (completed) {
      admission.release(latency);
    } else {
      admission.abandon();
    }
  }
}
