package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which metric an override applies to ({@code istio.telemetry.v1alpha1.MetricSelector}): one of Istio's
 * standard metrics or a custom metric by name, and the traffic direction. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMetricSelector.class)
@JsonDeserialize(as = ImmutableMetricSelector.class)
public interface MetricSelector {
  /** One of Istio's standard metrics; exclusive with {@link #customMetric()}. */
  Optional<IstioMetric> metric();

  /** A custom metric by name; exclusive with {@link #metric()}. */
  Optional<String> customMetric();

  /** Which traffic direction; both when absent. */
  Optional<WorkloadMode> mode();

  /** Istio's standard metrics. */
  enum IstioMetric {
    ALL_METRICS,
    REQUEST_COUNT,
    REQUEST_DURATION,
    REQUEST_SIZE,
    RESPONSE_SIZE,
    TCP_OPENED_CONNECTIONS,
    TCP_CLOSED_CONNECTIONS,
    TCP_SENT_BYTES,
    TCP_RECEIVED_BYTES,
    GRPC_REQUEST_MESSAGES,
    GRPC_RESPONSE_MESSAGES
  }

  /** {@code metric} and {@code customMetric} are one proto oneof. */
  @Value.Check
  default void checkOneof() {
    if (metric().isPresent() && customMetric().isPresent()) {
      throw new IllegalStateException("only one of metric and customMetric may be set");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MetricSelector}. */
  final class Builder extends ImmutableMetricSelector.Builder {}
}
