package dev.meshwright.xds.cluster;

import com.google.protobuf.Struct;
import dev.meshwright.api.mesh.TLSConfig;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.ClientTLSSettings.TLSmode;
import dev.meshwright.api.security.MutualTls;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.List;
import java.util.Optional;

/**
 * Client TLS on an outbound cluster, Istio's rules: DR TLS as written (DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL with
 * the service accounts as SANs and the SNI-form cluster name as SNI unless set); with no DR TLS, auto-mTLS to
 * in-mesh services whose namespace is not DISABLE, as {@code transportSocketMatches} ({@code tlsMode-istio} for
 * endpoints labelled for mTLS, then plaintext {@code tlsMode-disabled}), left a plain socket for ORIGINAL_DST.
 * Pure.
 */
final class UpstreamTls {
  private UpstreamTls() {}

  /** What the cluster builder knows about the destination. */
  record Target(List<String> serviceAccounts, String defaultSni, boolean meshExternal, boolean externalRegistry,
      Optional<MutualTls.Mode> serviceMtls, boolean sidecar, boolean drWithSelector, Optional<FileCerts> fileCerts,
      Optional<TLSConfig> tlsDefaults, boolean autoMtls) {}

  /** Client certificates the proxy's metadata names ({@code TLS_CLIENT_*}); they replace ISTIO_MUTUAL. */
  record FileCerts(String certChain, String key, String root) {}

  static void apply(ClusterDraft d, Optional<ClientTLSSettings> dr, Target t) {
    boolean auto = false;
    Optional<ClientTLSSettings> tls;
    if (dr.isPresent()) {
      TLSmode mode = dr.get().mode().orElse(TLSmode.DISABLE);
      if (mode == TLSmode.DISABLE || mode == TLSmode.SIMPLE) {
        tls = dr;
      } else if (t.fileCerts().isPresent()) {
        tls = Optional.of(fileMutual(t.fileCerts().get(), dr.get().subjectAltNames(), dr.get().sni().orElse("")));
      } else if (mode != TLSmode.ISTIO_MUTUAL) {
        tls = dr;
      } else {
        List<String> sans = dr.get().subjectAltNames().isEmpty() ? t.serviceAccounts() : dr.get().subjectAltNames();
        tls = Optional.of(istioMutual(sans, dr.get().sni().filter(s -> !s.isEmpty()).orElse(t.defaultSni())));
      }
    } else if (t.meshExternal() || !t.autoMtls() || t.serviceMtls().isEmpty()
        || t.serviceMtls().get() == MutualTls.Mode.DISABLE) {
      tls = Optional.empty();
    } else {
      auto = true;
      tls = Optional.of(t.fileCerts().isPresent()
          ? fileMutual(t.fileCerts().get(), t.serviceAccounts(), t.defaultSni())
          : istioMutual(t.serviceAccounts(), t.defaultSni()));
    }
    Optional<UpstreamTlsContext> ctx = tls.flatMap(s -> context(d, s, t));
    ctx.ifPresent(c -> d.cluster.setTransportSocket(TlsContexts.tlsSocket(c)));
    boolean autoIstio = auto && tls.flatMap(ClientTLSSettings::mode).orElse(TLSmode.DISABLE) == TLSmode.ISTIO_MUTUAL;
    if (autoIstio && d.type() != Cluster.DiscoveryType.ORIGINAL_DST && d.cluster.hasTransportSocket()) {
      d.cluster.addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder()
          .setName("tlsMode-istio")
          .setMatch(Struct.newBuilder().putFields("tlsMode", Clusters.string("istio")))
          .setTransportSocket(d.cluster.getTransportSocket()));
      d.cluster.addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder()
          .setName("tlsMode-disabled")
          .setMatch(Struct.getDefaultInstance())
          .setTransportSocket(TlsContexts.rawBufferSocket()));
      d.cluster.clearTransportSocket();
    }
  }

  private static ClientTLSSettings istioMutual(List<String> sans, String sni) {
    return ClientTLSSettings.builder().mode(TLSmode.ISTIO_MUTUAL).subjectAltNames(sans).sni(sni).build();
  }

  private static ClientTLSSettings fileMutual(FileCerts c, List<String> sans, String sni) {
    return ClientTLSSettings.builder().mode(TLSmode.MUTUAL).caCertificates(c.root()).clientCertificate(c.certChain())
        .privateKey(c.key()).subjectAltNames(sans).sni(sni).build();
  }

  private static Optional<UpstreamTlsContext> context(ClusterDraft d, ClientTLSSettings tls, Target t) {
    TLSmode mode = tls.mode().orElse(TLSmode.DISABLE);
    boolean credential = tls.credentialName().filter(s -> !s.isEmpty()).isPresent();
    if (credential && t.sidecar() && !t.drWithSelector() && (mode == TLSmode.SIMPLE || mode == TLSmode.MUTUAL)) {
      return Optional.empty();
    }
    switch (mode) {
      case ISTIO_MUTUAL: {
        List<String> alpn = d.isHttp2() ? TlsContexts.ALPN_IN_MESH_H2 : TlsContexts.ALPN_IN_MESH;
        String sni = tls.sni().filter(s -> !s.isEmpty()).orElse(d.cluster.getName());
        return Optional.of(TlsContexts.istioMutual(tls.subjectAltNames(), sni, alpn));
      }
      case SIMPLE:
      case MUTUAL:
        return originated(d, tls, mode, t);
      default:
        return Optional.empty();
    }
  }

  private static Optional<UpstreamTlsContext> originated(ClusterDraft d, ClientTLSSettings tls, TLSmode mode,
      Target t) {
    CommonTlsContext.Builder common = CommonTlsContext.newBuilder().setTlsParams(TlsContexts.defaultParams());
    String sni = tls.sni().orElse("");
    if (sni.isEmpty()) {
      boolean insecure = tls.insecureSkipVerify().orElse(false);
      d.http().getUpstreamHttpProtocolOptionsBuilder().setAutoSni(true);
      if (tls.subjectAltNames().isEmpty() && !insecure) {
        d.http().getUpstreamHttpProtocolOptionsBuilder().setAutoSanValidation(true);
      }
    }
    List<String> sans = t.externalRegistry() && tls.subjectAltNames().isEmpty() ? t.serviceAccounts()
        : tls.subjectAltNames();
    boolean insecure = tls.insecureSkipVerify().orElse(false);
    String credentialName = tls.credentialName().orElse("");
    if (!credentialName.isEmpty()) {
      if (mode == TLSmode.MUTUAL) {
        common.addTlsCertificateSdsSecretConfigs(TlsContexts.sdsCredential(credentialName));
      }
      if (!insecure) {
        common.setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setDefaultValidationContext(TlsContexts.sanValidation(sans, ""))
            .setValidationContextSdsSecretConfig(TlsContexts.sdsCredential(credentialName + TlsContexts.CA_SUFFIX)));
      }
    } else {
      String cert = tls.clientCertificate().orElse("");
      String key = tls.privateKey().orElse("");
      if (mode == TLSmode.MUTUAL) {
        if (cert.isEmpty() || key.isEmpty()) {
          d.problems.add("failed to apply tls setting for " + d.cluster.getName()
              + ": client certificate and private key must not be empty");
          return Optional.empty();
        }
        common.addTlsCertificateSdsSecretConfigs(TlsContexts.sds(TlsContexts.fileCertName(cert, key)));
      }
      // VERIFY_CERTIFICATE_AT_CLIENT (on in 1.22): no CA means the system roots
      String ca = tls.caCertificates().filter(s -> !s.isEmpty()).orElse("system");
      if (insecure) {
        common.setValidationContext(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3
            .CertificateValidationContext.getDefaultInstance());
      } else {
        common.setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setDefaultValidationContext(TlsContexts.sanValidation(sans, tls.caCrl().orElse("")))
            .setValidationContextSdsSecretConfig(TlsContexts.sds(TlsContexts.fileRootName(ca))));
      }
    }
    t.tlsDefaults().ifPresent(def -> {
      if (!def.ecdhCurves().isEmpty()) {
        common.getTlsParamsBuilder().clearEcdhCurves().addAllEcdhCurves(def.ecdhCurves());
      }
      if (!def.cipherSuites().isEmpty()) {
        common.getTlsParamsBuilder().clearCipherSuites().addAllCipherSuites(def.cipherSuites());
      }
    });
    if (d.isHttp2()) {
      common.addAllAlpnProtocols(TlsContexts.ALPN_H2);
    }
    return Optional.of(UpstreamTlsContext.newBuilder().setCommonTlsContext(common).setSni(sni).build());
  }
}
