package dev.meshwright.api.type;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/** Selects pods or VMs by labels ({@code istio.type.v1beta1.WorkloadSelector}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadSelector.class)
@JsonDeserialize(as = ImmutableWorkloadSelector.class)
public interface WorkloadSelector {
  /** Labels a workload must carry, all of them, to be selected. */
  Map<String, String> matchLabels();

  /** A selector for the given labels. */
  static WorkloadSelector of(Map<String, String> labels) {
    return builder().putAllMatchLabels(labels).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadSelector}. */
  final class Builder extends ImmutableWorkloadSelector.Builder {}
}
