package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.ServerTLSSettings.TLSProtocol;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Istio's server TLS rules ({@code validateTLSOptions}), shared by Gateway servers and Sidecar ingress. Stateless. */
final class ServerTLSSettingsValidator {
  /** Cipher suites Envoy (BoringSSL) accepts, by OpenSSL name. */
  static final Set<String> VALID_CIPHER_SUITES = Set.of(
      "ECDHE-ECDSA-AES128-GCM-SHA256",
      "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES256-GCM-SHA384",
      "ECDHE-RSA-AES256-GCM-SHA384",
      "ECDHE-ECDSA-CHACHA20-POLY1305",
      "ECDHE-RSA-CHACHA20-POLY1305",
      "ECDHE-ECDSA-AES128-SHA",
      "ECDHE-RSA-AES128-SHA",
      "ECDHE-ECDSA-AES256-SHA",
      "ECDHE-RSA-AES256-SHA",
      "AES128-GCM-SHA256",
      "AES256-GCM-SHA384",
      "AES128-SHA",
      "AES256-SHA",
      "DES-CBC3-SHA");

  private ServerTLSSettingsValidator() {}

  /** The effective mode: unset is PASSTHROUGH. */
  static TLSmode mode(ServerTLSSettings tls) {
    return tls.mode().orElse(TLSmode.PASSTHROUGH);
  }

  static boolean isValidCipherSuite(String cs) {
    if (cs.isEmpty() || cs.equals("ALL")) {
      return true;
    }
    // operators such as "-" or "+" in front of a name are accepted without parsing the expression
    if (!Character.isLetterOrDigit(cs.charAt(0))) {
      return true;
    }
    return VALID_CIPHER_SUITES.contains(cs);
  }

  static void validate(ServerTLSSettings tls, Problems p) {
    Optional<TLSProtocol> min = tls.minProtocolVersion();
    if ((min.equals(Optional.of(TLSProtocol.TLSV1_0)) || min.equals(Optional.of(TLSProtocol.TLSV1_1)))
        && tls.cipherSuites().isEmpty()) {
      p.at("minProtocolVersion").warning("TLS version below TLSV1_2 require setting compatible ciphers as by default "
          + "they no longer include compatible ciphers.");
    }
    Set<String> invalid = new TreeSet<>();
    Set<String> valid = new HashSet<>();
    Set<String> duplicate = new TreeSet<>();
    for (String cs : tls.cipherSuites()) {
      if (!isValidCipherSuite(cs)) {
        invalid.add(cs);
      } else if (!valid.add(cs)) {
        duplicate.add(cs);
      }
    }
    if (!invalid.isEmpty()) {
      p.at("cipherSuites").warning("ignoring invalid cipher suites: [" + String.join(" ", invalid) + "]");
    }
    if (!duplicate.isEmpty()) {
      p.at("cipherSuites").warning("ignoring duplicate cipher suites: [" + String.join(" ", duplicate) + "]");
    }
    TLSmode mode = mode(tls);
    boolean cert = set(tls.serverCertificate());
    boolean key = set(tls.privateKey());
    boolean ca = set(tls.caCertificates());
    boolean credential = set(tls.credentialName());
    boolean crl = set(tls.caCrl());
    if (mode == TLSmode.ISTIO_MUTUAL) {
      if (cert) {
        p.at("serverCertificate").error("ISTIO_MUTUAL TLS cannot have associated server certificate");
      }
      if (key) {
        p.at("privateKey").error("ISTIO_MUTUAL TLS cannot have associated private key");
      }
      if (ca) {
        p.at("caCertificates").error("ISTIO_MUTUAL TLS cannot have associated CA bundle");
      }
      if (credential) {
        p.at("credentialName").error("ISTIO_MUTUAL TLS cannot have associated credentialName");
      }
      return;
    }
    if ((mode == TLSmode.PASSTHROUGH || mode == TLSmode.AUTO_PASSTHROUGH) && (crl || cert || key || ca || credential)) {
      p.at("mode").warning(mode + " mode does not use certificates, they will be ignored");
    }
    boolean mutual = mode == TLSmode.MUTUAL || mode == TLSmode.OPTIONAL_MUTUAL;
    if ((mode == TLSmode.SIMPLE || mutual) && credential) {
      // the certificates come from the named secret
      return;
    }
    if (mode == TLSmode.SIMPLE) {
      if (!cert) {
        p.at("serverCertificate").error("SIMPLE TLS requires a server certificate");
      }
      if (!key) {
        p.at("privateKey").error("SIMPLE TLS requires a private key");
      }
    } else if (mutual) {
      if (!cert) {
        p.at("serverCertificate").error("MUTUAL TLS requires a server certificate");
      }
      if (!key) {
        p.at("privateKey").error("MUTUAL TLS requires a private key");
      }
      if (!ca) {
        p.at("caCertificates").error("MUTUAL TLS requires a client CA bundle");
      }
    }
    if (crl) {
      if (credential) {
        p.at("caCrl").error("CRL is not supported with credentialName. CRL has to be specified in the credential");
      }
      if (mode == TLSmode.SIMPLE) {
        p.at("caCrl").error("CRL is not supported with SIMPLE TLS");
      }
    }
  }

  static boolean set(Optional<String> s) {
    return s.filter(v -> !v.isEmpty()).isPresent();
  }
}
