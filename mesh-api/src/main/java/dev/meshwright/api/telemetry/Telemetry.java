package dev.meshwright.api.telemetry;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A telemetry.istio.io Telemetry: how the selected workloads trace, emit metrics and write access logs.
 * One in the root namespace sets the mesh default, one in a namespace overrides it there. Immutable.
 *
 * <pre>{@code
 * Telemetry sampling = Telemetry.builder()
 *     .metadata(ObjectMeta.of("mesh-default", "istio-system"))
 *     .spec(TelemetrySpec.builder()
 *         .addTracing(Tracing.builder().randomSamplingPercentage(10.0).build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface Telemetry extends IstioResource<TelemetrySpec> {
  ResourceKind<Telemetry, TelemetrySpec> KIND =
      ResourceKind.builder(Telemetry.class, TelemetrySpec.class)
          .group("telemetry.istio.io")
          .kind("Telemetry")
          .plural("telemetries")
          .versions("v1", "v1alpha1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new TelemetryValidator())
          .build();

  @Override
  TelemetrySpec spec();

  @Override
  default ResourceKind<Telemetry, TelemetrySpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Telemetry}. */
  final class Builder extends ImmutableTelemetry.Builder {}
}
