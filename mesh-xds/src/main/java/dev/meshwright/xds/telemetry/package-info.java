/**
 * The Telemetry API as istiod 1.22 turns it into listener filters: which Telemetry resources apply to a proxy
 * (mesh-model's {@code TelemetryIndex}), their metrics sections merged per provider ({@link
 * dev.meshwright.xds.telemetry.MetricsMerge}), and the {@code istio.stats} HTTP and network filters of the
 * Prometheus provider ({@link dev.meshwright.xds.telemetry.TelemetryFilters}).
 */
package dev.meshwright.xds.telemetry;
