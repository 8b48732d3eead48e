package dev.meshwright.xds.server;

import java.util.Objects;

/**
 * The push state of one xDS type on one stream. Immutable.
 *
 * @param status SYNCED, STALE, NOT SENT or ERROR
 * @param sentNonce the nonce of the last response sent (empty when none)
 * @param ackedNonce the last nonce the proxy ACKed (empty when none)
 * @param version the version of the last response sent (SotW {@code version_info}; for Delta a hash of the
 *     resource versions the proxy holds)
 * @param error the NACK's {@code error_detail} message when {@code status} is ERROR, else empty
 * @param resources how many resources of this type the proxy holds
 */
public record TypeStatus(SyncStatus status, String sentNonce, String ackedNonce, String version, String error,
    int resources) {
  public TypeStatus {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sentNonce, "sentNonce");
    Objects.requireNonNull(ackedNonce, "ackedNonce");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(error, "error");
  }

  /** The status of a type never sent. */
  public static TypeStatus notSent() {
    return new TypeStatus(SyncStatus.NOT_SENT, "", "", "", "", 0);
  }
}
