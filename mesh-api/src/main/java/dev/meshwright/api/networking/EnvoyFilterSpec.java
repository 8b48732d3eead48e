package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.PolicyTargetReference;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of an {@link EnvoyFilter} ({@code istio.networking.v1alpha3.EnvoyFilter}): which workloads
 * it applies to, the patches, and its order among other filters. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterSpec.class)
@JsonDeserialize(as = ImmutableEnvoyFilterSpec.class)
public interface EnvoyFilterSpec {
  /** The workloads the patches apply to; every workload of the namespace when absent. */
  Optional<WorkloadSelector> workloadSelector();

  /** Gateways or services the patches apply to, instead of a selector. */
  List<PolicyTargetReference> targetRefs();

  /** The patches, applied in order. */
  List<EnvoyFilterConfigObjectPatch> configPatches();

  /** Order among EnvoyFilters of the same context; lower runs first, root namespace filters before others. */
  Optional<Integer> priority();

  /** The kinds of generated Envoy object a patch can change. */
  enum ApplyTo {
    INVALID,
    LISTENER,
    FILTER_CHAIN,
    NETWORK_FILTER,
    HTTP_FILTER,
    ROUTE_CONFIGURATION,
    VIRTUAL_HOST,
    HTTP_ROUTE,
    CLUSTER,
    EXTENSION_CONFIG,
    BOOTSTRAP,
    LISTENER_FILTER
  }

  /** Where a patched object was generated. */
  enum PatchContext {
    ANY,
    SIDECAR_INBOUND,
    SIDECAR_OUTBOUND,
    GATEWAY
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterSpec}. */
  final class Builder extends ImmutableEnvoyFilterSpec.Builder {}
}
