package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Selects a port by number ({@code istio.networking.v1alpha3.PortSelector}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutablePortSelector.class)
@JsonDeserialize(as = ImmutablePortSelector.class)
public interface PortSelector {
  /** The port number. */
  Optional<Integer> number();

  static PortSelector of(int number) {
    return builder().number(number).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PortSelector}. */
  final class Builder extends ImmutablePortSelector.Builder {}
}
