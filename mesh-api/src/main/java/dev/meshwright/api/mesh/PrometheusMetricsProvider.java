package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The Prometheus metrics provider (no settings). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutablePrometheusMetricsProvider.class)
@JsonDeserialize(as = ImmutablePrometheusMetricsProvider.class)
public interface PrometheusMetricsProvider {
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PrometheusMetricsProvider}. */
  final class Builder extends ImmutablePrometheusMetricsProvider.Builder {}
}
