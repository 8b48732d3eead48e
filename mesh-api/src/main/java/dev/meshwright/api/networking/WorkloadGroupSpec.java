package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of a {@link WorkloadGroup} ({@code istio.networking.v1alpha3.WorkloadGroup}): the metadata and
 * entry template of the WorkloadEntries created when a workload joins, and its readiness probe. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadGroupSpec.class)
@JsonDeserialize(as = ImmutableWorkloadGroupSpec.class)
public interface WorkloadGroupSpec {
  /** Labels and annotations for the generated entries. */
  Optional<WorkloadGroupObjectMeta> metadata();

  /** The template of the generated entries (required); the address is filled in when a workload joins. */
  Optional<WorkloadEntrySpec> template();

  /** How the proxy checks that the workload is ready. */
  Optional<ReadinessProbe> probe();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadGroupSpec}. */
  final class Builder extends ImmutableWorkloadGroupSpec.Builder {}
}
