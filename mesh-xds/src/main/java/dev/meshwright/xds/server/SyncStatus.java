package dev.meshwright.xds.server;

/**
 * Where one proxy is for one xDS type, as {@code istioctl proxy-status} shows it, plus {@link #ERROR} (Istio has
 * no such state: it shows a NACKed push as STALE).
 */
public enum SyncStatus {
  /** The proxy ACKed the last response of this type. */
  SYNCED("SYNCED"),
  /** A response was sent and is not ACKed yet. */
  STALE("STALE"),
  /** Nothing of this type was ever sent on this stream. */
  NOT_SENT("NOT SENT"),
  /** The proxy rejected (NACKed) the last response; the error text is in {@link TypeStatus#error()}. */
  ERROR("ERROR");

  private final String label;

  SyncStatus(String label) {
    this.label = label;
  }

  /** The label in the proxy-status table ({@code NOT SENT} with a space). */
  public String label() {
    return label;
  }
}
