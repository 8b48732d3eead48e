package dev.meshwright.install.apply;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reconciling one IstioOperator: the status written to it ({@code HEALTHY},
 * {@code RECONCILING} while workloads come up, {@code ERROR}), a message, the objects applied and the
 * objects pruned because the new manifest no longer has them.
 */
public record ReconcileResult(String status, String message, List<ObjectRef> applied, List<ObjectRef> pruned) {
  /** Istio's status when everything is applied and ready. */
  public static final String HEALTHY = "HEALTHY";
  /** Istio's status while applied workloads are not ready yet. */
  public static final String RECONCILING = "RECONCILING";
  /** Istio's status when the operator could not be rendered or applied. */
  public static final String ERROR = "ERROR";

  /** Validates and copies. */
  public ReconcileResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    applied = List.copyOf(applied);
    pruned = List.copyOf(pruned);
  }

  static ReconcileResult error(String message) {
    return new ReconcileResult(ERROR, message, List.of(), List.of());
  }
}
