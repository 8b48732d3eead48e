package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of an {@link AuthorizationPolicy} ({@code istio.security.v1beta1.AuthorizationPolicy}).
 * A request matches the policy when it matches any of its rules. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAuthorizationPolicySpec.class)
@JsonDeserialize(as = ImmutableAuthorizationPolicySpec.class)
public interface AuthorizationPolicySpec {
  /** The workloads this applies to; all workloads of the namespace when nothing selects. */
  Optional<WorkloadSelector> selector();

  /** A single Gateway or Service this applies to, instead of a selector. */
  Optional<PolicyTargetReference> targetRef();

  /** Gateways or Services this applies to, instead of a selector. */
  List<PolicyTargetReference> targetRefs();

  /** The rules; an ALLOW policy without rules matches nothing, DENY and CUSTOM need at least one. */
  List<Rule> rules();

  /** What happens to a matching request; ALLOW when absent. */
  Optional<Action> action();

  /** The external authorizer of a CUSTOM policy (one of the mesh config's extension providers). */
  Optional<ExtensionProvider> provider();

  /** The action of an AuthorizationPolicy. */
  enum Action {
    ALLOW,
    DENY,
    AUDIT,
    CUSTOM
  }

  /** The action, ALLOW when unset (the proto default). */
  default Action effectiveAction() {
    return action().orElse(Action.ALLOW);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AuthorizationPolicySpec}. */
  final class Builder extends ImmutableAuthorizationPolicySpec.Builder {}
}
