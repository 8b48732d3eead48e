package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The spec of a {@link Telemetry} ({@code istio.telemetry.v1alpha1.Telemetry}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableTelemetrySpec.class)
@JsonDeserialize(as = ImmutableTelemetrySpec.class)
public interface TelemetrySpec {
  /** The workloads this applies to; all workloads of the namespace when nothing selects. */
  Optional<WorkloadSelector> selector();

  /** A single Gateway or Service this applies to, instead of a selector. */
  Optional<PolicyTargetReference> targetRef();

  /** Gateways or Services this applies to, instead of a selector. */
  List<PolicyTargetReference> targetRefs();

  /** Tracing settings; only one entry is supported today. */
  List<Tracing> tracing();

  /** Metrics settings, per provider. */
  List<Metrics> metrics();

  /** Access logging settings, per provider. */
  List<AccessLogging> accessLogging();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TelemetrySpec}. */
  final class Builder extends ImmutableTelemetrySpec.Builder {}
}
