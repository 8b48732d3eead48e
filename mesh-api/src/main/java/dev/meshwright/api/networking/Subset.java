package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A named group of a service's endpoints, selected by labels ({@code istio.networking.v1alpha3.Subset}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableSubset.class)
@JsonDeserialize(as = ImmutableSubset.class)
public interface Subset {
  /** The subset's name, referenced from routes; a DNS-1123 label. */
  Optional<String> name();

  /** Endpoint labels that select the subset's members. */
  Map<String, String> labels();

  /** A policy that replaces the DestinationRule's top-level one for this subset. */
  Optional<TrafficPolicy> trafficPolicy();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Subset}. */
  final class Builder extends ImmutableSubset.Builder {}
}
