package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Selects workloads by labels in networking kinds (Sidecar, ServiceEntry, Gateway-less configs):
 * {@code istio.networking.v1alpha3.WorkloadSelector}, whose field is {@code labels} (the security and
 * telemetry kinds use {@link dev.meshwright.api.type.WorkloadSelector} with {@code matchLabels}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadSelector.class)
@JsonDeserialize(as = ImmutableWorkloadSelector.class)
public interface WorkloadSelector {
  Map<String, String> labels();

  static WorkloadSelector of(Map<String, String> labels) {
    return builder().putAllLabels(labels).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadSelector}. */
  final class Builder extends ImmutableWorkloadSelector.Builder {}
}
