package dev.meshwright.xds.telemetry;

import dev.meshwright.api.telemetry.WorkloadMode;

/** Which side of which proxy a listener serves (istiod's {@code networking.ListenerClass}). */
public enum ListenerClass {
  /** A sidecar's inbound listeners: the workload is the server. */
  SIDECAR_INBOUND,
  /** A sidecar's outbound listeners: the workload is the client. */
  SIDECAR_OUTBOUND,
  /** A gateway's listeners (reported as a client, as istiod does). */
  GATEWAY;

  /** The Telemetry workload mode that configures this class ({@code workloadMode}). */
  public WorkloadMode mode() {
    return this == SIDECAR_INBOUND ? WorkloadMode.SERVER : WorkloadMode.CLIENT;
  }
}
