package dev.meshwright.xds.bootstrap;

import com.google.protobuf.Any;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.ClientTLSSettings.TLSmode;
import dev.meshwright.xds.cluster.TlsContexts;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.List;
import java.util.Optional;

/**
 * The TLS transport socket of a cluster the agent adds for a tracer, the metrics service or the access log service,
 * from the ProxyConfig's {@code tlsSettings}. Certificates come from the agent's SDS as {@code file-cert:} /
 * {@code file-root:} secrets (the {@code TLS_CLIENT_*} node metadata override the paths); {@code ISTIO_MUTUAL} uses
 * the workload certificate. No socket for {@code DISABLE}. Stateless.
 */
final class ServiceTls {
  /** Whether the service speaks HTTP/2, which decides the ALPN offered. */
  enum Protocol {
    HTTP2,
    ANY
  }

  private ServiceTls() {}

  /**
   * The socket for {@code settings}; {@code defaultSni} is the SNI under {@code ISTIO_MUTUAL} when none is set.
   */
  static Optional<TransportSocket> socket(ClientTLSSettings settings, String defaultSni, NodeMetadata.Facts node,
      Protocol protocol) {
    TLSmode mode = settings.mode().orElse(TLSmode.DISABLE);
    List<String> alpn;
    CommonTlsContext.Builder common = CommonTlsContext.newBuilder();
    String sni = settings.sni().orElse("");
    switch (mode) {
      case SIMPLE, MUTUAL -> {
        String ca = or(node.get("TLS_CLIENT_ROOT_CERT"), settings.caCertificates().orElse(""));
        if (mode == TLSmode.MUTUAL) {
          String cert = or(node.get("TLS_CLIENT_CERT_CHAIN"), settings.clientCertificate().orElse(""));
          String key = or(node.get("TLS_CLIENT_KEY"), settings.privateKey().orElse(""));
          if (!cert.isEmpty() && !key.isEmpty()) {
            common.addTlsCertificateSdsSecretConfigs(TlsContexts.sds(TlsContexts.fileCertName(cert, key)));
          }
        }
        common.setCombinedValidationContext(validation(settings.subjectAltNames(),
            ca.isEmpty() ? Optional.empty() : Optional.of(TlsContexts.fileRootName(ca))));
        alpn = TlsContexts.ALPN_H2;
      }
      case ISTIO_MUTUAL -> {
        common.addTlsCertificateSdsSecretConfigs(TlsContexts.sds(TlsContexts.DEFAULT_SECRET));
        common.setCombinedValidationContext(validation(settings.subjectAltNames(),
            Optional.of(TlsContexts.ROOT_SECRET)));
        alpn = List.of("istio", "h2");
        if (sni.isEmpty()) {
          sni = defaultSni;
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    if (protocol == Protocol.HTTP2) {
      common.addAllAlpnProtocols(alpn);
    }
    UpstreamTlsContext context = UpstreamTlsContext.newBuilder().setCommonTlsContext(common).setSni(sni).build();
    return Optional.of(TransportSocket.newBuilder().setName(TlsContexts.TLS_SOCKET)
        .setTypedConfig(Any.pack(context)).build());
  }

  private static CommonTlsContext.CombinedCertificateValidationContext validation(List<String> sans,
      Optional<String> rootSecret) {
    CertificateValidationContext defaults = TlsContexts.sanValidation(sans, "");
    CommonTlsContext.CombinedCertificateValidationContext.Builder b =
        CommonTlsContext.CombinedCertificateValidationContext.newBuilder().setDefaultValidationContext(defaults);
    rootSecret.ifPresent(name -> b.setValidationContextSdsSecretConfig(TlsContexts.sds(name)));
    return b.build();
  }

  private static String or(String first, String fallback) {
    return first.isEmpty() ? fallback : first;
  }
}
