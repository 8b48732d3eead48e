package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The spec of a {@link DestinationRule} ({@code istio.networking.v1alpha3.DestinationRule}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableDestinationRuleSpec.class)
@JsonDeserialize(as = ImmutableDestinationRuleSpec.class)
public interface DestinationRuleSpec {
  /** The service the rule applies to (short names resolve in the rule's namespace); required. */
  Optional<String> host();

  /** The policy for all traffic to the host. */
  Optional<TrafficPolicy> trafficPolicy();

  /** Named subsets of the host's endpoints. */
  List<Subset> subsets();

  /** Namespaces the rule is visible to ({@code .}, {@code *} or names); all when empty. */
  List<String> exportTo();

  /** Restricts the rule to these client workloads; then it may only be exported to its own namespace. */
  Optional<WorkloadSelector> workloadSelector();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DestinationRuleSpec}. */
  final class Builder extends ImmutableDestinationRuleSpec.Builder {}
}
