package dev.meshwright.xds.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bound on the response bytes that all streams together leave queued in gRPC. grpc-java's {@code onNext} never
 * blocks: a response is serialized into the transport's (direct) buffers at once and waits there for the proxy's
 * HTTP/2 flow-control window. Per stream a push starts only when gRPC says the stream is ready, so one stream holds
 * at most one push; across ten thousand proxies that is still ten thousand initial configs in memory while the
 * proxies read. This budget makes it global.
 *
 * <p>A push {@link #enter}s before it is generated and {@link #settle}s once sent, with the bytes it left queued when
 * the stream is no longer ready; those bytes count until the stream is ready again or closes ({@link #release}).
 * A push is let in while the queued bytes plus an estimate for each push in progress stay under the bound (the
 * estimate is a moving average of what stalled pushes left queued), or when nothing at all is queued or in
 * progress, so a single push larger than the bound still goes. The rest wait in arrival order and are resumed as
 * bytes drain. Callbacks run outside the lock. Thread-safe.
 */
final class SendBudget {
  private final long maxBytes;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private long queued;
  private int active;
  private long estimate = 64 * 1024;

  SendBudget(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the send budget must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** True when a push may start now; otherwise {@code resume} runs once it may (the push has then entered). */
  synchronized boolean enter(Runnable resume) {
    if (waiting.isEmpty() && fits()) {
      active++;
      return true;
    }
    waiting.add(resume);
    return false;
  }

  /** A push that entered was sent (or given up); {@code stalledBytes} it left queued, 0 when the stream is ready. */
  void settle(long stalledBytes) {
    List<Runnable> resumed;
    synchronized (this) {
      active--;
      if (stalledBytes > 0) {
        queued += stalledBytes;
        estimate = (estimate * 7 + stalledBytes) / 8;
      }
      resumed = admit();
    }
    resumed.forEach(Runnable::run);
  }

  /** Bytes a stalled push left queued have drained (the stream is ready again) or were dropped with the stream. */
  void release(long bytes) {
    List<Runnable> resumed;
    synchronized (this) {
      queued -= bytes;
      resumed = admit();
    }
    resumed.forEach(Runnable::run);
  }

  private boolean fits() {
    return active == 0 && queued <= 0 || queued + (active + 1) * estimate <= maxBytes;
  }

  private List<Runnable> admit() {
    List<Runnable> out = new ArrayList<>();
    while (!waiting.isEmpty() && fits()) {
      active++;
      out.add(waiting.poll());
    }
    return out;
  }

  /** Bytes counted as queued now. */
  synchronized long queued() {
    return queued;
  }

  /** Pushes waiting for the budget. */
  synchronized int waiting() {
    return waiting.size();
  }
}
