package dev.meshwright.api.networking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Conditions on a TLS connection ({@code istio.networking.v1alpha3.TLSMatchAttributes}). Immutable.
 *
 * <p>Fields removed from the proto (their names are reserved) are accepted and ignored when read, so older
 * configurations (Istio's own test data among them) still load, as Istio's webhook accepts them; any other
 * unknown field stays an error.
 */
@Value.Immutable
@JsonIgnoreProperties({"sourceSubnet", "source_subnet"})
@JsonSerialize(as = ImmutableTLSMatchAttributes.class)
@JsonDeserialize(as = ImmutableTLSMatchAttributes.class)
public interface TLSMatchAttributes {
  /** SNI names to match (wildcards allowed); required, each within the VirtualService's hosts. */
  List<String> sniHosts();

  /** Destination IPs or CIDR blocks. */
  List<String> destinationSubnets();

  /** The destination port. */
  Optional<Integer> port();

  /** Labels the calling workload must have. */
  Map<String, String> sourceLabels();

  /** Gateways (or {@code mesh}) this condition is limited to. */
  List<String> gateways();

  /** The calling workload's namespace. */
  Optional<String> sourceNamespace();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TLSMatchAttributes}. */
  final class Builder extends ImmutableTLSMatchAttributes.Builder {}
}
