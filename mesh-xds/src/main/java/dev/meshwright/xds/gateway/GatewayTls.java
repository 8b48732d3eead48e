package dev.meshwright.xds.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.TLSConfig;
import dev.meshwright.api.networking.ServerTLSSettings;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.cluster.TlsContexts;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The DownstreamTlsContext of a terminating gateway server ({@code BuildListenerTLSContext}): ALPN
 * {@code h2,http/1.1} (with {@code istio-peer-exchange} first on ISTIO_MUTUAL TCP servers); a client
 * certificate required for MUTUAL and ISTIO_MUTUAL and validated for OPTIONAL_MUTUAL too; certificates from
 * the workload ({@code default}/{@code ROOTCA}) for ISTIO_MUTUAL, from {@code credentialName} over ADS, or from
 * the file paths through the agent's SDS; mesh {@code tlsDefaults} then the server's TLS versions and ciphers
 * for SIMPLE, MUTUAL and OPTIONAL_MUTUAL. Stateless.
 */
public final class GatewayTls {
  static final List<String> ALPN_HTTP = List.of("h2", "http/1.1");
  static final List<String> ALPN_MX = List.of("istio-peer-exchange", "h2", "http/1.1");

  private GatewayTls() {}

  /** Which kind of server the context terminates. */
  public enum Terminates {
    /** An HTTPS server (HTTP after TLS). */
    HTTPS,
    /** A TLS server forwarding TCP after termination. */
    TCP
  }

  /** The TLS context of a server terminating TLS with {@code tls}. */
  public static DownstreamTlsContext downstream(ServerTLSSettings tls, Proxy proxy, MeshConfig mesh,
      Terminates terminates) {
    TLSmode mode = tls.mode().orElse(TLSmode.PASSTHROUGH);
    CommonTlsContext.Builder common = CommonTlsContext.newBuilder()
        .addAllAlpnProtocols(mode == TLSmode.ISTIO_MUTUAL && terminates == Terminates.TCP ? ALPN_MX : ALPN_HTTP);
    boolean require = mode == TLSmode.MUTUAL || mode == TLSmode.ISTIO_MUTUAL;
    boolean validateClient = require || mode == TLSmode.OPTIONAL_MUTUAL;
    String crl = tls.caCrl().orElse("");
    if (mode == TLSmode.ISTIO_MUTUAL) {
      workloadCertificates(common, proxy.meta("TLS_SERVER_CERT_CHAIN").orElse(""),
          proxy.meta("TLS_SERVER_KEY").orElse(""), proxy.meta("TLS_SERVER_ROOT_CERT").orElse(""),
          tls.subjectAltNames(), crl, validateClient);
    } else if (tls.credentialName().filter(s -> !s.isEmpty()).isPresent()) {
      credentialCertificates(common, tls, mode);
    } else {
      workloadCertificates(common, tls.serverCertificate().orElse(""), tls.privateKey().orElse(""),
          tls.caCertificates().orElse(""), tls.subjectAltNames(), crl, validateClient);
    }
    if (mode == TLSmode.SIMPLE || mode == TLSmode.MUTUAL || mode == TLSmode.OPTIONAL_MUTUAL) {
      mesh.tlsDefaults().ifPresent(d -> meshDefaults(d, common));
      serverSettings(tls, common);
    }
    return DownstreamTlsContext.newBuilder().setCommonTlsContext(common)
        .setRequireClientCertificate(BoolValue.of(require)).build();
  }

  /** The transport socket carrying {@code ctx}. */
  public static TransportSocket socket(DownstreamTlsContext ctx) {
    return TransportSocket.newBuilder().setName(TlsContexts.TLS_SOCKET).setTypedConfig(Any.pack(ctx)).build();
  }

  /** Workload or file certificates through the agent: {@code file-cert:}/{@code file-root:} names when paths are set. */
  private static void workloadCertificates(CommonTlsContext.Builder common, String cert, String key, String root,
      List<String> sans, String crl, boolean validateClient) {
    if (validateClient) {
      CertificateValidationContext.Builder v = sans(CertificateValidationContext.newBuilder(), sans);
      if (!crl.isEmpty()) {
        v.setCrl(DataSource.newBuilder().setFilename(crl));
      }
      common.setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
          .setDefaultValidationContext(v)
          .setValidationContextSdsSecretConfig(TlsContexts.sds(root.isEmpty() ? TlsContexts.ROOT_SECRET : TlsContexts.fileRootName(root))));
    }
    String name = !cert.isEmpty() && !key.isEmpty() ? TlsContexts.fileCertName(cert, key) : TlsContexts.DEFAULT_SECRET;
    common.addTlsCertificateSdsSecretConfigs(TlsContexts.sds(name));
  }

  private static void credentialCertificates(CommonTlsContext.Builder common, ServerTLSSettings tls, TLSmode mode) {
    String cn = tls.credentialName().orElseThrow();
    common.addTlsCertificateSdsSecretConfigs(TlsContexts.sdsCredential(cn));
    if (mode == TLSmode.MUTUAL || mode == TLSmode.OPTIONAL_MUTUAL) {
      common.setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
          .setDefaultValidationContext(sans(CertificateValidationContext.newBuilder(), tls.subjectAltNames())
              .addAllVerifyCertificateSpki(tls.verifyCertificateSpki())
              .addAllVerifyCertificateHash(tls.verifyCertificateHash()))
          .setValidationContextSdsSecretConfig(TlsContexts.sdsCredential(cn + CredentialNames.CA_SUFFIX)));
    } else if (!tls.subjectAltNames().isEmpty()) {
      common.setValidationContext(sans(CertificateValidationContext.newBuilder(), tls.subjectAltNames()));
    }
  }

  /**
   * Mesh-wide TLS defaults. The minimum version is carried over by enum number, as Istio 1.22 does (so the mesh's
   * {@code TLSV1_2} becomes Envoy's {@code TLSv1_0}).
   */
  private static void meshDefaults(TLSConfig d, CommonTlsContext.Builder common) {
    if (!d.ecdhCurves().isEmpty()) {
      common.getTlsParamsBuilder().clearEcdhCurves().addAllEcdhCurves(d.ecdhCurves());
    }
    if (!d.cipherSuites().isEmpty()) {
      common.getTlsParamsBuilder().clearCipherSuites().addAllCipherSuites(d.cipherSuites());
    }
    d.minProtocolVersion().filter(v -> v != TLSConfig.TLSProtocol.TLS_AUTO).ifPresent(v ->
        common.getTlsParamsBuilder().setTlsMinimumProtocolVersionValue(v.ordinal()));
  }

  private static void serverSettings(ServerTLSSettings tls, CommonTlsContext.Builder common) {
    tls.minProtocolVersion().filter(v -> v != ServerTLSSettings.TLSProtocol.TLS_AUTO).ifPresent(v ->
        common.getTlsParamsBuilder().setTlsMinimumProtocolVersion(envoyVersion(v)));
    List<String> ciphers = List.copyOf(new LinkedHashSet<>(tls.cipherSuites()));
    if (!ciphers.isEmpty()) {
      common.getTlsParamsBuilder().clearCipherSuites().addAllCipherSuites(ciphers);
    }
    tls.maxProtocolVersion().filter(v -> v != ServerTLSSettings.TLSProtocol.TLS_AUTO).ifPresent(v ->
        common.getTlsParamsBuilder().setTlsMaximumProtocolVersion(envoyVersion(v)));
  }

  private static TlsParameters.TlsProtocol envoyVersion(ServerTLSSettings.TLSProtocol v) {
    return switch (v) {
      case TLS_AUTO -> TlsParameters.TlsProtocol.TLS_AUTO;
      case TLSV1_0 -> TlsParameters.TlsProtocol.TLSv1_0;
      case TLSV1_1 -> TlsParameters.TlsProtocol.TLSv1_1;
      case TLSV1_2 -> TlsParameters.TlsProtocol.TLSv1_2;
      case TLSV1_3 -> TlsParameters.TlsProtocol.TLSv1_3;
    };
  }

  /** Exact SAN matchers in the (deprecated) {@code match_subject_alt_names} field, which Istio 1.22 still fills. */
  @SuppressWarnings("deprecation")
  private static CertificateValidationContext.Builder sans(CertificateValidationContext.Builder b, List<String> values) {
    return b.addAllMatchSubjectAltNames(values.stream().map(s -> StringMatcher.newBuilder().setExact(s).build()).toList());
  }
}
