package dev.meshwright.xds.ca;

import java.util.Objects;

/**
 * A certificate with the private key the CA generated for it (SDS {@code default} for workloads that do not
 * send CSRs). Immutable; the key is sensitive and never logged ({@link #toString()} leaves it out).
 *
 * @param certificate the signed chain
 * @param privateKeyPem the PKCS#8 private key as PEM
 */
public record WorkloadCertificate(IssuedCertificate certificate, String privateKeyPem) {
  public WorkloadCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  @Override
  public String toString() {
    return "WorkloadCertificate{notAfter=" + certificate.notAfter() + "}";
  }
}
