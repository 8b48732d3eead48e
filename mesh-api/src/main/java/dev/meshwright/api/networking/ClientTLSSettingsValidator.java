package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.ClientTLSSettings.TLSmode;

/**
 * Istio's client TLS rules ({@code ValidateTLS}): what {@code insecureSkipVerify} excludes, and inline
 * certificates versus {@code credentialName}. Used for DestinationRule traffic policies and, through
 * MeshConfig, for tracing TLS settings. Reports errors below the given view; never throws for bad input.
 * Stateless and thread-safe.
 */
public final class ClientTLSSettingsValidator {
  private ClientTLSSettingsValidator() {}

  /** Reports Istio's {@code ValidateTLS} errors for {@code tls} at the fields of {@code p}. */
  public static void validate(ClientTLSSettings tls, Problems p) {
    TLSmode mode = tls.mode().orElse(TLSmode.DISABLE);
    boolean ca = ServerTLSSettingsValidator.set(tls.caCertificates());
    boolean credential = ServerTLSSettingsValidator.set(tls.credentialName());
    boolean sans = !tls.subjectAltNames().isEmpty();
    if (tls.insecureSkipVerify().orElse(false)) {
      if (mode == TLSmode.SIMPLE && (ca || credential || sans)) {
        p.at("insecureSkipVerify").error(
            "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");
      }
      // in MUTUAL mode the credential may hold only the client certificate, so it is allowed
      if (mode == TLSmode.MUTUAL && (ca || sans)) {
        p.at("insecureSkipVerify").error(
            "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
      }
    }
    boolean cert = ServerTLSSettingsValidator.set(tls.clientCertificate());
    boolean key = ServerTLSSettingsValidator.set(tls.privateKey());
    if ((mode == TLSmode.SIMPLE || mode == TLSmode.MUTUAL) && credential) {
      if (cert || ca || key || ServerTLSSettingsValidator.set(tls.caCrl())) {
        p.at("credentialName").error(
            "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
      }
      return;
    }
    if (mode == TLSmode.MUTUAL) {
      if (!cert) {
        p.at("clientCertificate").error("client certificate required for mutual tls");
      }
      if (!key) {
        p.at("privateKey").error("private key required for mutual tls");
      }
    }
  }
}
