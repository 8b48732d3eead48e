package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a Gateway server or a Sidecar ingress listener terminates TLS
 * ({@code istio.networking.v1alpha3.ServerTLSSettings}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerTLSSettings.class)
@JsonDeserialize(as = ImmutableServerTLSSettings.class)
public interface ServerTLSSettings {
  /** Plain HTTP requests get a 301 redirect to HTTPS. */
  Optional<Boolean> httpsRedirect();

  /** How the connection is secured; unset means {@link TLSmode#PASSTHROUGH}. */
  Optional<TLSmode> mode();

  /** Path of the server certificate (file-mounted certificates). */
  Optional<String> serverCertificate();

  /** Path of the server's private key. */
  Optional<String> privateKey();

  /** Path of the CA bundle used to verify client certificates. */
  Optional<String> caCertificates();

  /** Path of the certificate revocation list. */
  Optional<String> caCrl();

  /** Name of the secret holding key, certificate and optionally CA certificates. */
  Optional<String> credentialName();

  /** Subject alternative names accepted in client certificates. */
  List<String> subjectAltNames();

  /** Base64 SPKI hashes accepted in client certificates. */
  List<String> verifyCertificateSpki();

  /** Hex certificate hashes accepted in client certificates. */
  List<String> verifyCertificateHash();

  /** Lowest TLS version offered. */
  Optional<TLSProtocol> minProtocolVersion();

  /** Highest TLS version offered. */
  Optional<TLSProtocol> maxProtocolVersion();

  /** OpenSSL-style cipher suite names; unknown or repeated ones are ignored with a warning. */
  List<String> cipherSuites();

  /** Server TLS modes. */
  enum TLSmode {
    PASSTHROUGH,
    SIMPLE,
    MUTUAL,
    AUTO_PASSTHROUGH,
    ISTIO_MUTUAL,
    OPTIONAL_MUTUAL
  }

  /** TLS protocol versions. */
  enum TLSProtocol {
    TLS_AUTO,
    TLSV1_0,
    TLSV1_1,
    TLSV1_2,
    TLSV1_3
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServerTLSSettings}. */
  final class Builder extends ImmutableServerTLSSettings.Builder {}
}
