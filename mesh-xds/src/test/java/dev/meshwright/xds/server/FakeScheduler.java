package dev.meshwright.xds.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A manual clock: tasks run only when {@link #advance} passes their due time, on the caller's thread. */
final class FakeScheduler implements Scheduler {
  private record Task(long due, long seq, Runnable run) {}

  private final List<Task> tasks = new ArrayList<>();
  private long now;
  private long seq;

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(now + delay.toNanos(), seq++, task));
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  /** Moves the clock forward, running every task that falls due, in due order. */
  void advance(Duration d) {
    long target;
    synchronized (this) {
      target = now + d.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> t.due <= target)
            .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq)).orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due);
      }
      next.run.run();
    }
  }
}
