package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io WorkloadEntry: a VM or other non-Kubernetes workload that ServiceEntries select
 * by label, like a Pod is selected by a Service. Immutable.
 *
 * <pre>{@code
 * WorkloadEntry vm = WorkloadEntry.builder()
 *     .metadata(ObjectMeta.of("details-vm", "bookinfo"))
 *     .spec(WorkloadEntrySpec.builder().address("10.0.0.7").putLabel("app", "details").build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface WorkloadEntry extends IstioResource<WorkloadEntrySpec> {
  ResourceKind<WorkloadEntry, WorkloadEntrySpec> KIND =
      ResourceKind.builder(WorkloadEntry.class, WorkloadEntrySpec.class)
          .group("networking.istio.io")
          .kind("WorkloadEntry")
          .plural("workloadentries")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new WorkloadEntryValidator())
          .build();

  @Override
  WorkloadEntrySpec spec();

  @Override
  default ResourceKind<WorkloadEntry, WorkloadEntrySpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadEntry}. */
  final class Builder extends ImmutableWorkloadEntry.Builder {}
}
