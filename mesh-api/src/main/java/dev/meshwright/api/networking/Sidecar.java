package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io Sidecar: narrows what a workload's proxy listens on and which services it can reach.
 * Immutable.
 *
 * <pre>{@code
 * Sidecar scope = Sidecar.builder()
 *     .metadata(ObjectMeta.of("default", "bookinfo"))
 *     .spec(SidecarSpec.builder()
 *         .addEgress(IstioEgressListener.builder().addHost("./*").addHost("istio-system/*").build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface Sidecar extends IstioResource<SidecarSpec> {
  ResourceKind<Sidecar, SidecarSpec> KIND =
      ResourceKind.builder(Sidecar.class, SidecarSpec.class)
          .group("networking.istio.io")
          .kind("Sidecar")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new SidecarValidator())
          .build();

  @Override
  SidecarSpec spec();

  @Override
  default ResourceKind<Sidecar, SidecarSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Sidecar}. */
  final class Builder extends ImmutableSidecar.Builder {}
}
