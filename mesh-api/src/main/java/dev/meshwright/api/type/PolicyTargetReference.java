package dev.meshwright.api.type;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Points a policy at a resource (a Gateway API Gateway or a Service) instead of selecting workloads by
 * label ({@code istio.type.v1beta1.PolicyTargetReference}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePolicyTargetReference.class)
@JsonDeserialize(as = ImmutablePolicyTargetReference.class)
public interface PolicyTargetReference {
  Optional<String> group();

  Optional<String> kind();

  Optional<String> name();

  Optional<String> namespace();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PolicyTargetReference}. */
  final class Builder extends ImmutablePolicyTargetReference.Builder {}
}
