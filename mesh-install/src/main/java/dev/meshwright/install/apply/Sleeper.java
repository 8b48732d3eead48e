package dev.meshwright.install.apply;

import java.time.Duration;

/** Waits between readiness polls; injected so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /** Waits about {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
