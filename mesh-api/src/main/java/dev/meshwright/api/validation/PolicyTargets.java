package dev.meshwright.api.validation;

import dev.meshwright.api.Problems;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.List;
import java.util.Optional;

/**
 * How a policy picks what it applies to, checked the way Istio checks it for AuthorizationPolicy,
 * RequestAuthentication, Telemetry and WasmPlugin: a workload selector, one {@code targetRef} or a list of
 * {@code targetRefs}, at most one of them, and references only to a core Service or a Gateway API Gateway
 * in the policy's own namespace. Stateless.
 */
public final class PolicyTargets {
  /** The kinds a target reference may name, written as Istio prints them in its error. */
  private static final String ALLOWED = "[core/v1/Service gateway.networking.k8s.io/v1beta1/Gateway]";

  private PolicyTargets() {}

  /**
   * Checks the selector, targetRef and targetRefs fields of a spec.
   *
   * @param spec the view of the spec; findings go to its {@code selector}, {@code targetRef} and
   *     {@code targetRefs[i]} fields, the exclusivity error to the spec itself
   */
  public static void check(
      Optional<WorkloadSelector> selector,
      Optional<PolicyTargetReference> targetRef,
      List<PolicyTargetReference> targetRefs,
      Problems spec) {
    int set = (selector.isPresent() ? 1 : 0) + (targetRef.isPresent() ? 1 : 0) + (targetRefs.isEmpty() ? 0 : 1);
    if (set > 1) {
      spec.error("only one of targetRefs or workloadSelector can be set");
    }
    selector.ifPresent(s -> workloadSelector(s, spec.at("selector")));
    targetRef.ifPresent(r -> targetRef(r, spec.at("targetRef")));
    for (int i = 0; i < targetRefs.size(); i++) {
      targetRef(targetRefs.get(i), spec.at("targetRefs", i));
    }
  }

  /** Label rules of a present selector, and a warning when it has no labels (it then selects everything). */
  public static void workloadSelector(WorkloadSelector selector, Problems p) {
    Checks.workloadSelector(selector.matchLabels(), p);
    if (selector.matchLabels().isEmpty()) {
      p.warning("workload selector specified without labels");
    }
  }

  /** A reference needs a name, no namespace, and must point at a core Service or a Gateway API Gateway. */
  public static void targetRef(PolicyTargetReference ref, Problems p) {
    if (ref.name().orElse("").isEmpty()) {
      p.error("targetRef name must be set");
    }
    if (!ref.namespace().orElse("").isEmpty()) {
      p.error("targetRef namespace must not be set");
    }
    String group = ref.group().orElse("");
    String kind = ref.kind().orElse("");
    String canonical = group.isEmpty() ? "core" : group;
    boolean allowed = (canonical.equals("core") && kind.equals("Service"))
        || (canonical.equals("gateway.networking.k8s.io") && kind.equals("Gateway"));
    if (!allowed) {
      p.error("targetRef must be to one of " + ALLOWED + " but was " + group + "/" + kind);
    }
  }
}
