package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io ServiceEntry: adds a service to the mesh's registry, for external APIs or for
 * workloads Kubernetes does not know. Immutable.
 *
 * <pre>{@code
 * ServiceEntry google = ServiceEntry.builder()
 *     .metadata(ObjectMeta.of("google", "default"))
 *     .spec(ServiceEntrySpec.builder()
 *         .addHosts("www.google.com")
 *         .addPorts(ServicePort.of(443, "HTTPS", "https"))
 *         .location(ServiceEntrySpec.Location.MESH_EXTERNAL)
 *         .resolution(ServiceEntrySpec.Resolution.DNS)
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface ServiceEntry extends IstioResource<ServiceEntrySpec> {
  ResourceKind<ServiceEntry, ServiceEntrySpec> KIND =
      ResourceKind.builder(ServiceEntry.class, ServiceEntrySpec.class)
          .group("networking.istio.io")
          .kind("ServiceEntry")
          .plural("serviceentries")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new ServiceEntryValidator())
          .build();

  @Override
  ServiceEntrySpec spec();

  @Override
  default ResourceKind<ServiceEntry, ServiceEntrySpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServiceEntry}. */
  final class Builder extends ImmutableServiceEntry.Builder {}
}
