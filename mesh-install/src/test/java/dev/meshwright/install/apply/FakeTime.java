package dev.meshwright.install.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A clock that only moves when the code under test sleeps, with a hook that runs on every sleep. */
final class FakeTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-11-27T12:00:00Z");
  private Runnable onSleep = () -> {};
  int sleeps;

  FakeTime onSleep(Runnable action) {
    this.onSleep = action;
    return this;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps++;
    now = now.plus(duration);
    onSleep.run();
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneOffset getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(java.time.ZoneId zone) {
    return this;
  }
}
