package dev.meshwright.install.apply;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link InstallVerifier#verify}: how many objects were checked, which are missing from
 * the cluster, and which workloads exist but are not ready (with the reason).
 */
public record VerifyReport(int checked, List<ObjectRef> missing, Map<ObjectRef, String> notReady) {
  /** Copies the collections. */
  public VerifyReport {
    missing = List.copyOf(missing);
    notReady = Map.copyOf(notReady);
  }

  /** True when every object exists and every workload is ready. */
  public boolean verified() {
    return missing.isEmpty() && notReady.isEmpty();
  }
}
