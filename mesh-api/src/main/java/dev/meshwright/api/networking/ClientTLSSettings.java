package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * TLS settings for connections to an upstream service ({@code istio.networking.v1alpha3.ClientTLSSettings}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableClientTLSSettings.class)
@JsonDeserialize(as = ImmutableClientTLSSettings.class)
public interface ClientTLSSettings {
  /** How the connection is secured; unset means {@link TLSmode#DISABLE}. */
  Optional<TLSmode> mode();

  /** Path of the client certificate (MUTUAL). */
  Optional<String> clientCertificate();

  /** Path of the client's private key (MUTUAL). */
  Optional<String> privateKey();

  /** Path of the CA bundle used to verify the server. */
  Optional<String> caCertificates();

  /** Name of the secret holding client certificate, key and CA (SIMPLE/MUTUAL). */
  Optional<String> credentialName();

  /** Names accepted in the server certificate's subject alternative names. */
  List<String> subjectAltNames();

  /** The SNI sent in the TLS handshake. */
  Optional<String> sni();

  /** Skips verification of the server certificate. */
  Optional<Boolean> insecureSkipVerify();

  /** Path of the certificate revocation list. */
  Optional<String> caCrl();

  /** Client TLS modes. */
  enum TLSmode {
    DISABLE,
    SIMPLE,
    MUTUAL,
    ISTIO_MUTUAL
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ClientTLSSettings}. */
  final class Builder extends ImmutableClientTLSSettings.Builder {}
}
