package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One workload outside Kubernetes, or one endpoint of a {@link ServiceEntry}
 * ({@code istio.networking.v1alpha3.WorkloadEntry}): the spec of a {@link WorkloadEntry}, an element of
 * {@link ServiceEntrySpec#endpoints()} and the template of a {@link WorkloadGroupSpec}. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadEntrySpec.class)
@JsonDeserialize(as = ImmutableWorkloadEntrySpec.class)
public interface WorkloadEntrySpec {
  /**
   * The address without a port: an IP address, a DNS name (DNS resolution only) or a Unix domain socket
   * written {@code unix:///absolute/path} ({@code unix://@name} for an abstract socket).
   */
  Optional<String> address();

  /** Port name to port number on this endpoint; names refer to the service's port names. */
  Map<String, Integer> ports();

  /** Labels of the endpoint, used by workload selectors and subsets. */
  Map<String, String> labels();

  /** The L3 network the endpoint lives in; endpoints of other networks are reached through a gateway. */
  Optional<String> network();

  /** The locality, {@code region/zone/subzone}. */
  Optional<String> locality();

  /** The load-balancing weight relative to the other endpoints. */
  Optional<Integer> weight();

  /** The service account of the workload when it runs a sidecar. */
  Optional<String> serviceAccount();

  /** An entry with just an address. */
  static WorkloadEntrySpec of(String address) {
    return builder().address(address).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadEntrySpec}. */
  final class Builder extends ImmutableWorkloadEntrySpec.Builder {}
}
