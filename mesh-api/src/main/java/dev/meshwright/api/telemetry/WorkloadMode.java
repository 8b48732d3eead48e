package dev.meshwright.api.telemetry;

/**
 * Which side of a connection a telemetry setting applies to ({@code istio.telemetry.v1alpha1.WorkloadMode}):
 * the workload as client, as server, or both (the default).
 */
public enum WorkloadMode {
  CLIENT_AND_SERVER,
  CLIENT,
  SERVER
}
