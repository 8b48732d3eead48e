package dev.meshwright.install.apply;

import java.util.List;
import java.util.Map;

/**
 * What an uninstall did: objects deleted, objects that were already gone, objects kept on purpose (CRDs
 * without purge, namespaces, other revisions) and objects whose deletion failed (with the server's message).
 */
public record UninstallReport(List<ObjectRef> deleted, List<ObjectRef> absent, List<ObjectRef> kept,
    Map<ObjectRef, String> failed) {
  /** Copies the collections. */
  public UninstallReport {
    deleted = List.copyOf(deleted);
    absent = List.copyOf(absent);
    kept = List.copyOf(kept);
    failed = Map.copyOf(failed);
  }

  /** True when no deletion failed. */
  public boolean succeeded() {
    return failed.isEmpty();
  }

  /** One line: counts of deleted, absent, kept and failed objects. */
  public String summary() {
    return "deleted " + deleted.size() + ", already absent " + absent.size() + ", kept " + kept.size()
        + (failed.isEmpty() ? "" : ", failed " + failed.size());
  }
}
