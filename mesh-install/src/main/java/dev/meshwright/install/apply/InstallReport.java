package dev.meshwright.install.apply;

import java.util.List;
import java.util.Map;

/**
 * What an install did: objects written, objects that failed (with the server's message), objects not
 * attempted because an earlier phase failed, and workloads that did not become ready in time (with the
 * last reason seen). Running the same install again converges: every step is create-or-update.
 */
public record InstallReport(List<ObjectRef> applied, Map<ObjectRef, String> failed, List<ObjectRef> skipped,
    Map<ObjectRef, String> notReady) {
  /** Copies the collections. */
  public InstallReport {
    applied = List.copyOf(applied);
    failed = Map.copyOf(failed);
    skipped = List.copyOf(skipped);
    notReady = Map.copyOf(notReady);
  }

  /** True when every object was written and every waited-for workload became ready. */
  public boolean succeeded() {
    return failed.isEmpty() && skipped.isEmpty() && notReady.isEmpty();
  }

  /** One line: how many objects were applied, failed, skipped and not ready. */
  public String summary() {
    if (succeeded()) {
      return "applied " + applied.size() + " objects; all workloads ready";
    }
    return "applied " + applied.size() + ", failed " + failed.size() + ", skipped " + skipped.size()
        + ", not ready " + notReady.size();
  }
}
