package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Metrics settings of a {@link Telemetry} ({@code istio.telemetry.v1alpha1.Metrics}): the providers, which
 * metrics and tags they get, and how often they are reported. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMetrics.class)
@JsonDeserialize(as = ImmutableMetrics.class)
public interface Metrics {
  /** The providers these settings apply to; the mesh default providers when empty. */
  List<ProviderRef> providers();

  /** Changes to metrics and their tags, applied in order. */
  List<MetricsOverrides> overrides();

  /** How often metrics are reported (e.g. to a push-based backend). */
  Optional<Duration> reportingInterval();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Metrics}. */
  final class Builder extends ImmutableMetrics.Builder {}
}
