package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Locality-weighted load balancing and failover ({@code istio.networking.v1alpha3.LocalityLoadBalancerSetting}),
 * used by DestinationRule traffic policies and by MeshConfig. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLocalityLoadBalancerSetting.class)
@JsonDeserialize(as = ImmutableLocalityLoadBalancerSetting.class)
public interface LocalityLoadBalancerSetting {
  /** Weighted distribution from a source locality to target localities. */
  List<Distribute> distribute();

  /** Where traffic fails over to when a region has no healthy endpoints. */
  List<Failover> failover();

  /** Labels whose match orders endpoints by failover priority. */
  List<String> failoverPriority();

  /** Enables or disables locality load balancing; unset inherits the mesh setting. */
  Optional<Boolean> enabled();

  /** Traffic from locality {@code from} is spread over {@code to} (locality to weight, summing to 100). */
  @Value.Immutable
  @SuppressWarnings("immutables:from") // the proto field "from" takes the name of the builder's copy method
  @JsonSerialize(as = ImmutableDistribute.class)
  @JsonDeserialize(as = ImmutableDistribute.class)
  interface Distribute {
    Optional<String> from();

    Map<String, Integer> to();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Distribute}. */
    final class Builder extends ImmutableDistribute.Builder {}
  }

  /** Traffic from region {@code from} fails over to region {@code to}. */
  @Value.Immutable
  @SuppressWarnings("immutables:from") // the proto field "from" takes the name of the builder's copy method
  @JsonSerialize(as = ImmutableFailover.class)
  @JsonDeserialize(as = ImmutableFailover.class)
  interface Failover {
    Optional<String> from();

    Optional<String> to();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Failover}. */
    final class Builder extends ImmutableFailover.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LocalityLoadBalancerSetting}. */
  final class Builder extends ImmutableLocalityLoadBalancerSetting.Builder {}
}
