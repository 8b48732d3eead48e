package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A trusted root: a PEM bundle or a SPIFFE bundle endpoint ({@code MeshConfig.CertificateData}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableCertificateData.class)
@JsonDeserialize(as = ImmutableCertificateData.class)
public interface CertificateData {
  /** PEM-encoded roots (oneof certificate data). */
  Optional<String> pem();

  /** SPIFFE bundle endpoint (oneof certificate data). */
  Optional<String> spiffeBundleUrl();

  /** Signers (Kubernetes CSR signer names) whose workloads trust these roots. */
  List<String> certSigners();

  /** Trust domains whose workloads trust these roots. */
  List<String> trustDomains();

  /** Rejects more than one member of the certificate_data oneof. */
  @Value.Check
  default void checkOneof() {
    Oneofs.atMostOne(
        "certificate_data",
        "pem", pem().isPresent(),
        "spiffeBundleUrl", spiffeBundleUrl().isPresent());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CertificateData}. */
  final class Builder extends ImmutableCertificateData.Builder {}
}
