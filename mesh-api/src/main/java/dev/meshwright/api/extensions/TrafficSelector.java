package dev.meshwright.api.extensions;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Traffic a {@link WasmPlugin} applies to ({@code WasmPlugin.TrafficSelector}): a direction and ports.
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTrafficSelector.class)
@JsonDeserialize(as = ImmutableTrafficSelector.class)
public interface TrafficSelector {
  /** The traffic direction; all when UNDEFINED or absent. */
  Optional<WorkloadMode> mode();

  /** The ports; all ports when empty. */
  List<PortSelector> ports();

  /** A traffic direction ({@code istio.type.v1beta1.WorkloadMode}). */
  enum WorkloadMode {
    UNDEFINED,
    CLIENT,
    SERVER,
    CLIENT_AND_SERVER
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TrafficSelector}. */
  final class Builder extends ImmutableTrafficSelector.Builder {}

  /** A port by number ({@code istio.type.v1beta1.PortSelector}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutablePortSelector.class)
  @JsonDeserialize(as = ImmutablePortSelector.class)
  interface PortSelector {
    /** The port number, 1..65535. */
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
}
