package dev.meshwright.bench.ads;

import com.google.protobuf.ByteString;
import dev.meshwright.bench.ads.LoadStreams.Protocol;

/**
 * The load streams as the harness drives them, wherever they run: {@link LocalLoad} in the harness's own JVM, or
 * {@link ChildLoad} in a load-generator JVM of their own, so that the server's process holds only the server. Times
 * are {@link System#nanoTime()} values, which on one host read the same monotonic clock in every process.
 */
interface LoadClient extends AutoCloseable {
  /**
   * Opens {@code streams} streams to the server on {@code port} and waits up to {@code timeoutSeconds} until every
   * one holds every cluster and assignment.
   *
   * @return when each stream finished its sync (0 for one that did not)
   */
  long[] sync(int port, Protocol protocol, int streams, int channels, int clusters, int timeoutSeconds)
      throws InterruptedException;

  /** Starts a round: from now on, receiving {@code bytes} counts as having the change. */
  void expect(ByteString bytes);

  /**
   * Waits up to {@code timeoutSeconds} until every stream received the expected assignment.
   *
   * @return when each stream received it (0 for one that did not)
   */
  long[] awaitUpdated(int timeoutSeconds) throws InterruptedException;

  /** Closes the streams; returns how many failed before they were closed. */
  int closeStreams();

  /** Ends the client (and its process, if it has one). */
  @Override
  void close();
}
