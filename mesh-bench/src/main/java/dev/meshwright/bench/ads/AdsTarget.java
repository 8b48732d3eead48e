package dev.meshwright.bench.ads;

/**
 * An ADS server under load, serving a {@link BenchConfig}: Meshwright's {@code AdsServer} or java-control-plane.
 * {@link #prepare} builds the next config outside the measurement and returns the publish call that the harness
 * times. Implementations are thread-safe.
 */
interface AdsTarget extends AutoCloseable {
  /** The name printed in results. */
  String name();

  /** The bound loopback port. */
  int port();

  /**
   * Builds {@code next}, in which cluster {@code changed}'s endpoints changed, in the server's own form; the
   * returned action hands it to the server (timed).
   */
  Runnable prepare(BenchConfig next, int changed);

  /** Stops the server. */
  @Override
  void close();
}
