package dev.meshwright.cli;

import dev.meshwright.install.apply.ApplyPhase;
import dev.meshwright.install.apply.ObjectRef;
import dev.meshwright.install.apply.ProgressListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints install, uninstall and verify progress the way istioctl does: one line per phase, one line per
 * failure (with the server's message), and a line for each workload the first time it is waited for and
 * when it becomes ready. Per-object lines only with {@code verbose}.
 */
final class PrintingProgress implements ProgressListener {
  private final PrintWriter out;
  private final String verb;
  private final boolean verbose;
  private final Map<ObjectRef, String> lastReason = new HashMap<>();

  PrintingProgress(PrintWriter out, String verb, boolean verbose) {
    this.out = out;
    this.verb = verb;
    this.verbose = verbose;
  }

  @Override
  public void phaseStarted(ApplyPhase phase, int count) {
    out.println("- " + verb + " " + phase.name().toLowerCase(Locale.ROOT) + " (" + count + " objects)");
    out.flush();
  }

  @Override
  public void objectDone(ObjectRef object) {
    if (verbose) {
      out.println("  ✔ " + object);
    }
  }

  @Override
  public void objectFailed(ObjectRef object, String message) {
    out.println("  ✘ " + object + ": " + message);
    out.flush();
  }

  @Override
  public void waiting(ObjectRef object, String reason) {
    if (!reason.equals(lastReason.put(object, reason))) {
      out.println("  waiting for " + object + ": " + reason);
      out.flush();
    }
  }

  @Override
  public void ready(ObjectRef object) {
    out.println("  ✔ " + object + " ready");
    out.flush();
  }
}
