package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of a {@link ServiceEntry} ({@code istio.networking.v1alpha3.ServiceEntry}): hosts, addresses
 * and ports of a service, how its endpoints are found and who may see it. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServiceEntrySpec.class)
@JsonDeserialize(as = ImmutableServiceEntrySpec.class)
public interface ServiceEntrySpec {
  /** Host names of the service (required); short names and a leading wildcard label are allowed. */
  List<String> hosts();

  /** Virtual IPs or CIDR blocks of the service. */
  List<String> addresses();

  /** The ports of the service. */
  List<ServicePort> ports();

  /** Whether the service is part of the mesh. */
  Optional<Location> location();

  /** How endpoints are found; NONE when unset. */
  Optional<Resolution> resolution();

  /** Inline endpoints; exclusive with {@link #workloadSelector()}. */
  List<WorkloadEntrySpec> endpoints();

  /** Selects Pods and WorkloadEntries of the namespace as endpoints; exclusive with {@link #endpoints()}. */
  Optional<WorkloadSelector> workloadSelector();

  /** Namespaces the service is visible to: {@code .}, {@code *}, {@code ~} (nobody) or names. */
  List<String> exportTo();

  /** Identities the server certificate must carry when mTLS is used. */
  List<String> subjectAltNames();

  /** Where the service lives relative to the mesh. */
  enum Location {
    MESH_EXTERNAL,
    MESH_INTERNAL
  }

  /** How the proxy finds the service's endpoints. */
  enum Resolution {
    /** Forward to the original destination address. */
    NONE,
    /** Use the static IPs of the endpoints. */
    STATIC,
    /** Resolve the endpoints (or hosts) by DNS, using every address returned. */
    DNS,
    /** Resolve by DNS, using the first address returned. */
    DNS_ROUND_ROBIN
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServiceEntrySpec}. */
  final class Builder extends ImmutableServiceEntrySpec.Builder {}
}
