package dev.meshwright.bench.ads;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the load streams report, by stream index: when each finished its initial sync (ACKed every cluster and
 * every ClusterLoadAssignment) and when each received the ClusterLoadAssignment of the current round's change
 * (its exact serialized bytes). Times are {@link System#nanoTime()}. Thread-safe.
 */
final class LoadTracker {
  private final int expectedClusters;
  private final AtomicLongArray syncedAt;
  private final AtomicLongArray updatedAt;
  private final CountDownLatch synced;
  private final AtomicInteger errors = new AtomicInteger();
  private volatile ByteString expected;
  private volatile boolean closing;
  private volatile CountDownLatch updated = new CountDownLatch(0);

  LoadTracker(int streams, int expectedClusters) {
    this.expectedClusters = expectedClusters;
    this.syncedAt = new AtomicLongArray(streams);
    this.updatedAt = new AtomicLongArray(streams);
    this.synced = new CountDownLatch(streams);
  }

  int expectedClusters() {
    return expectedClusters;
  }

  void synced(int stream) {
    if (syncedAt.compareAndSet(stream, 0, System.nanoTime())) {
      synced.countDown();
    }
  }

  /** Called with each ClusterLoadAssignment a stream receives. */
  void endpoints(int stream, Any resource) {
    ByteString want = expected;
    if (want != null && updatedAt.get(stream) == 0 && resource.getValue().equals(want)) {
      if (updatedAt.compareAndSet(stream, 0, System.nanoTime())) {
        updated.countDown();
      }
    }
  }

  /** The harness is closing the streams: failures from now on are its own doing. */
  void closing() {
    closing = true;
  }

  void error(int stream, Throwable t) {
    if (closing) {
      return;
    }
    if (errors.getAndIncrement() < 5) {
      System.err.println("stream " + stream + " failed: " + t);
    }
  }

  int errors() {
    return errors.get();
  }

  boolean awaitSynced(long timeout, TimeUnit unit) throws InterruptedException {
    return synced.await(timeout, unit);
  }

  long[] syncTimes() {
    return snapshot(syncedAt);
  }

  /** Starts a round: from now on, receiving {@code bytes} counts as having the change. */
  void expect(ByteString bytes) {
    for (int i = 0; i < updatedAt.length(); i++) {
      updatedAt.set(i, 0);
    }
    updated = new CountDownLatch(updatedAt.length());
    expected = bytes;
  }

  boolean awaitUpdated(long timeout, TimeUnit unit) throws InterruptedException {
    return updated.await(timeout, unit);
  }

  long[] updateTimes() {
    return snapshot(updatedAt);
  }

  private static long[] snapshot(AtomicLongArray a) {
    long[] out = new long[a.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i);
    }
    return out;
  }

  /** Reports every ClusterLoadAssignment in {@code resources}. */
  void endpoints(int stream, List<Any> resources) {
    for (Any a : resources) {
      endpoints(stream, a);
    }
  }
}
