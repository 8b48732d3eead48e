package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io EnvoyFilter: patches applied to the Envoy configuration Istio generates. Only
 * {@code v1alpha3} is served, and validation always warns that it depends on internals. Immutable.
 *
 * <pre>{@code
 * EnvoyFilter lua = EnvoyFilter.builder()
 *     .metadata(ObjectMeta.of("add-lua", "bookinfo"))
 *     .spec(EnvoyFilterSpec.builder()
 *         .addConfigPatches(EnvoyFilterConfigObjectPatch.builder()
 *             .applyTo(EnvoyFilterSpec.ApplyTo.HTTP_FILTER)
 *             .patch(EnvoyFilterPatch.of(EnvoyFilterPatch.Operation.INSERT_BEFORE, Map.of("name", "envoy.lua")))
 *             .build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface EnvoyFilter extends IstioResource<EnvoyFilterSpec> {
  ResourceKind<EnvoyFilter, EnvoyFilterSpec> KIND =
      ResourceKind.builder(EnvoyFilter.class, EnvoyFilterSpec.class)
          .group("networking.istio.io")
          .kind("EnvoyFilter")
          .versions("v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new EnvoyFilterValidator())
          .build();

  @Override
  EnvoyFilterSpec spec();

  @Override
  default ResourceKind<EnvoyFilter, EnvoyFilterSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilter}. */
  final class Builder extends ImmutableEnvoyFilter.Builder {}
}
