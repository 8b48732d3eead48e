package dev.meshwright.xds.listener;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.TLSConfig;
import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sidecar's inbound mTLS server context (pilot/pkg/security/authn/utils › BuildInboundTLS): client certificate
 * required, workload certificate {@code default} and roots {@code ROOTCA} over SDS from {@code sds-grpc}, peer SANs
 * prefixed by each trusted domain ({@code spiffe://<td>/}), ALPN {@code h2,http/1.1} (TCP chains also
 * {@code istio-peer-exchange} first), TLS 1.2 (or the mesh minimum) to 1.3 with Istio's ciphers. Stateless.
 */
final class InboundTls {
  private InboundTls() {}

  /** Istio's default mTLS ciphers. */
  static final List<String> CIPHERS = List.of("ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
      "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-GCM-SHA256");

  static final List<String> ALPN_HTTP = List.of("h2", "http/1.1");
  static final List<String> ALPN_TCP = List.of("istio-peer-exchange", "h2", "http/1.1");

  /** The context for chains of {@code protocol} ({@link ChainProtocol#HTTP} or TCP). */
  @SuppressWarnings("deprecation") // match_subject_alt_names is what istiod 1.22 sets
  static DownstreamTlsContext context(MeshConfig mesh, ChainProtocol protocol) {
    List<String> ciphers = mesh.meshMTLS().map(TLSConfig::cipherSuites).filter(l -> !l.isEmpty()).orElse(CIPHERS);
    TlsParameters.TlsProtocol min = mesh.meshMTLS().flatMap(TLSConfig::minProtocolVersion)
        .filter(v -> v == TLSConfig.TLSProtocol.TLSV1_3).isPresent()
        ? TlsParameters.TlsProtocol.TLSv1_3 : TlsParameters.TlsProtocol.TLSv1_2;
    CertificateValidationContext.Builder validation = CertificateValidationContext.newBuilder();
    for (String td : trustDomains(mesh)) {
      validation.addMatchSubjectAltNames(StringMatcher.newBuilder().setPrefix("spiffe://" + td + "/"));
    }
    CommonTlsContext common = CommonTlsContext.newBuilder()
        .addAllAlpnProtocols(protocol == ChainProtocol.HTTP ? ALPN_HTTP : ALPN_TCP)
        .setTlsParams(TlsParameters.newBuilder().addAllCipherSuites(ciphers).setTlsMinimumProtocolVersion(min)
            .setTlsMaximumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_3))
        .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setDefaultValidationContext(validation)
            .setValidationContextSdsSecretConfig(Listeners.sdsSecret("ROOTCA")))
        .addTlsCertificateSdsSecretConfigs(Listeners.sdsSecret("default"))
        .build();
    return DownstreamTlsContext.newBuilder().setCommonTlsContext(common)
        .setRequireClientCertificate(BoolValue.of(true)).build();
  }

  /** The mesh trust domain, its aliases and the trust domains of extra CA certificates, de-duplicated. */
  static Set<String> trustDomains(MeshConfig mesh) {
    Set<String> out = new LinkedHashSet<>();
    out.add(mesh.trustDomain().orElse("cluster.local"));
    out.addAll(mesh.trustDomainAliases());
    mesh.caCertificates().forEach(c -> out.addAll(c.trustDomains()));
    out.remove("");
    return out;
  }
}
