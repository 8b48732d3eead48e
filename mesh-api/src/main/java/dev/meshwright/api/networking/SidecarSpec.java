package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The spec of a {@link Sidecar} ({@code istio.networking.v1alpha3.Sidecar}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableSidecarSpec.class)
@JsonDeserialize(as = ImmutableSidecarSpec.class)
public interface SidecarSpec {
  /** The workloads this applies to; the whole namespace when absent. */
  Optional<WorkloadSelector> workloadSelector();

  /** Inbound listeners. */
  List<IstioIngressListener> ingress();

  /** Outbound listeners and the services each can reach. */
  List<IstioEgressListener> egress();

  /** Default connection limits for inbound traffic. */
  Optional<ConnectionPoolSettings> inboundConnectionPool();

  /** What happens to traffic for unknown destinations. */
  Optional<OutboundTrafficPolicy> outboundTrafficPolicy();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SidecarSpec}. */
  final class Builder extends ImmutableSidecarSpec.Builder {}
}
