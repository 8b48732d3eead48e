package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Conditions on a TCP connection ({@code istio.networking.v1alpha3.L4MatchAttributes}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableL4MatchAttributes.class)
@JsonDeserialize(as = ImmutableL4MatchAttributes.class)
public interface L4MatchAttributes {
  /** Destination IPs or CIDR blocks. */
  List<String> destinationSubnets();

  /** The destination port. */
  Optional<Integer> port();

  /** The source IP or CIDR block. */
  Optional<String> sourceSubnet();

  /** Labels the calling workload must have. */
  Map<String, String> sourceLabels();

  /** Gateways (or {@code mesh}) this condition is limited to. */
  List<String> gateways();

  /** The calling workload's namespace. */
  Optional<String> sourceNamespace();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link L4MatchAttributes}. */
  final class Builder extends ImmutableL4MatchAttributes.Builder {}
}
