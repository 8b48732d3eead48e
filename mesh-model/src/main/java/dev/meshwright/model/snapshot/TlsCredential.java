package dev.meshwright.model.snapshot;

import java.util.Arrays;
import java.util.Optional;

/**
 * Key material read from one Kubernetes Secret: a certificate (chain, or CA bundle for validation secrets), and
 * optionally a private key, OCSP staple and CRL. Accessors return copies; immutable and thread-safe.
 */
public final class TlsCredential {
  private final byte[] certificate;
  private final byte[] privateKey;
  private final byte[] ocspStaple;
  private final byte[] crl;

  TlsCredential(byte[] certificate, byte[] privateKey, byte[] ocspStaple, byte[] crl) {
    this.certificate = certificate.clone();
    this.privateKey = copy(privateKey);
    this.ocspStaple = copy(ocspStaple);
    this.crl = copy(crl);
  }

  private static byte[] copy(byte[] b) {
    return b == null || b.length == 0 ? null : b.clone();
  }

  /** The certificate chain (PEM), or the CA certificates of a validation secret. */
  public byte[] certificate() {
    return certificate.clone();
  }

  /** The private key (PEM), absent for validation secrets. */
  public Optional<byte[]> privateKey() {
    return Optional.ofNullable(privateKey).map(byte[]::clone);
  }

  /** The OCSP staple, if the Secret has one. */
  public Optional<byte[]> ocspStaple() {
    return Optional.ofNullable(ocspStaple).map(byte[]::clone);
  }

  /** The certificate revocation list, if the Secret has one. */
  public Optional<byte[]> crl() {
    return Optional.ofNullable(crl).map(byte[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsCredential t && Arrays.equals(certificate, t.certificate)
        && Arrays.equals(privateKey, t.privateKey) && Arrays.equals(ocspStaple, t.ocspStaple)
        && Arrays.equals(crl, t.crl);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(certificate) * 31 + Arrays.hashCode(privateKey);
  }

  @Override
  public String toString() {
    return "TlsCredential{certificate=" + certificate.length + " bytes, privateKey="
        + (privateKey == null ? "none" : "present") + "}";
  }
}
