package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of a {@link RequestAuthentication} ({@code istio.security.v1beta1.RequestAuthentication}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequestAuthenticationSpec.class)
@JsonDeserialize(as = ImmutableRequestAuthenticationSpec.class)
public interface RequestAuthenticationSpec {
  /** The workloads this applies to; all workloads of the namespace when nothing selects. */
  Optional<WorkloadSelector> selector();

  /** A single Gateway or Service this applies to, instead of a selector. */
  Optional<PolicyTargetReference> targetRef();

  /** Gateways or Services this applies to, instead of a selector. */
  List<PolicyTargetReference> targetRefs();

  /** The accepted issuers and how to verify their tokens. */
  List<JWTRule> jwtRules();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RequestAuthenticationSpec}. */
  final class Builder extends ImmutableRequestAuthenticationSpec.Builder {}
}
