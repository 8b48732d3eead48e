package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A percentage in 0..100 with fractions ({@code istio.networking.v1alpha3.Percent}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutablePercent.class)
@JsonDeserialize(as = ImmutablePercent.class)
public interface Percent {
  /** The percentage. */
  Optional<Double> value();

  static Percent of(double value) {
    return builder().value(value).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Percent}. */
  final class Builder extends ImmutablePercent.Builder {}
}
