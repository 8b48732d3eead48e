package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io WorkloadGroup: the template from which WorkloadEntries are created when VMs
 * join the mesh, as a Deployment is the template of its Pods. Immutable.
 *
 * <pre>{@code
 * WorkloadGroup reviews = WorkloadGroup.builder()
 *     .metadata(ObjectMeta.of("reviews", "bookinfo"))
 *     .spec(WorkloadGroupSpec.builder()
 *         .template(WorkloadEntrySpec.builder().putPort("http", 8080).serviceAccount("default").build())
 *         .probe(ReadinessProbe.builder().httpGet(HTTPHealthCheckConfig.builder().path("/ready").port(8080).build()).build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface WorkloadGroup extends IstioResource<WorkloadGroupSpec> {
  ResourceKind<WorkloadGroup, WorkloadGroupSpec> KIND =
      ResourceKind.builder(WorkloadGroup.class, WorkloadGroupSpec.class)
          .group("networking.istio.io")
          .kind("WorkloadGroup")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new WorkloadGroupValidator())
          .build();

  @Override
  WorkloadGroupSpec spec();

  @Override
  default ResourceKind<WorkloadGroup, WorkloadGroupSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadGroup}. */
  final class Builder extends ImmutableWorkloadGroup.Builder {}
}
