package dev.meshwright.xds.cluster;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;

/**
 * Pure constructors of upstream TLS: the SDS secret configs of the workload certificate ({@code default}) and root
 * ({@code ROOTCA}) served by the agent on {@code sds-grpc}, credential secrets over ADS, the ISTIO_MUTUAL context
 * with its ALPN, the proxyless gRPC variant with certificate provider instances, and the transport sockets that
 * carry them. Thread-safe.
 */
public final class TlsContexts {
  private TlsContexts() {}

  /** The static cluster of the agent's SDS server. */
  public static final String SDS_CLUSTER = "sds-grpc";
  /** The workload certificate's SDS name. */
  public static final String DEFAULT_SECRET = "default";
  /** The mesh root certificate's SDS name. */
  public static final String ROOT_SECRET = "ROOTCA";
  /** The name of Envoy's TLS transport socket. */
  public static final String TLS_SOCKET = "envoy.transport_sockets.tls";
  /** The name of Envoy's plaintext transport socket. */
  public static final String RAW_BUFFER_SOCKET = "envoy.transport_sockets.raw_buffer";
  /** ALPN of in-mesh mTLS with metadata exchange. */
  public static final List<String> ALPN_IN_MESH = List.of("istio-peer-exchange", "istio");
  /** ALPN of in-mesh mTLS with metadata exchange to an HTTP/2 cluster. */
  public static final List<String> ALPN_IN_MESH_H2 = List.of("istio-peer-exchange", "istio", "h2");
  /** ALPN of originated TLS to an HTTP/2 cluster. */
  public static final List<String> ALPN_H2 = List.of("h2");
  /** The suffix of a credential's CA secret. */
  public static final String CA_SUFFIX = "-cacert";

  /**
   * The SDS config of secret {@code name} from the agent ({@code sds-grpc}, node on the first message only);
   * {@code default} and {@code ROOTCA} also set {@code initialFetchTimeout: 0s}, as Istio's do.
   */
  public static SdsSecretConfig sds(String name) {
    return name.equals(DEFAULT_SECRET) ? DEFAULT_SDS : name.equals(ROOT_SECRET) ? ROOT_SDS : buildSds(name);
  }

  /** The workload certificate's and root's SDS configs, on every mTLS cluster and chain: built once. */
  private static final SdsSecretConfig DEFAULT_SDS = buildSds(DEFAULT_SECRET);
  private static final SdsSecretConfig ROOT_SDS = buildSds(ROOT_SECRET);

  private static SdsSecretConfig buildSds(String name) {
    ConfigSource.Builder source = ConfigSource.newBuilder()
        .setApiConfigSource(ApiConfigSource.newBuilder()
            .setApiType(ApiConfigSource.ApiType.GRPC)
            .setSetNodeOnFirstMessageOnly(true)
            .setTransportApiVersion(ApiVersion.V3)
            .addGrpcServices(GrpcService.newBuilder()
                .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(SDS_CLUSTER))))
        .setResourceApiVersion(ApiVersion.V3);
    if (name.equals(DEFAULT_SECRET) || name.equals(ROOT_SECRET)) {
      source.setInitialFetchTimeout(Duration.getDefaultInstance());
    }
    return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(source).build();
  }

  /**
   * The SDS config of a {@code credentialName} secret: over ADS (no initial fetch timeout, so a missing secret
   * does not block the cluster), named as {@link #credentialResourceName}; {@code builtin://} is the workload
   * certificate.
   */
  public static SdsSecretConfig sdsCredential(String credentialName) {
    if (credentialName.equals("builtin://")) {
      return sds(DEFAULT_SECRET);
    }
    if (credentialName.equals("builtin://" + CA_SUFFIX)) {
      return sds(ROOT_SECRET);
    }
    return SdsSecretConfig.newBuilder().setName(credentialResourceName(credentialName))
        .setSdsConfig(ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
            .setResourceApiVersion(ApiVersion.V3))
        .build();
  }

  /** {@code kubernetes://<name>} unless the name already has a {@code kubernetes://} or gateway prefix. */
  public static String credentialResourceName(String credentialName) {
    if (credentialName.startsWith("kubernetes://") || credentialName.startsWith("kubernetes-gateway://")) {
      return credentialName;
    }
    return "kubernetes://" + credentialName;
  }

  /** SDS name of a file certificate pair: {@code file-cert:<cert>~<key>}. */
  public static String fileCertName(String certPath, String keyPath) {
    return "file-cert:" + certPath + "~" + keyPath;
  }

  /** SDS name of a file root certificate: {@code file-root:<ca>}. */
  public static String fileRootName(String caPath) {
    return "file-root:" + caPath;
  }

  /** TLS 1.2 to 1.3, Istio's upstream defaults. */
  public static TlsParameters defaultParams() {
    return DEFAULT_PARAMS;
  }

  private static final TlsParameters DEFAULT_PARAMS = TlsParameters.newBuilder()
      .setTlsMinimumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_2)
      .setTlsMaximumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_3)
      .build();

  /** A validation context matching {@code sans} exactly (no matcher when empty), with an optional CRL file. */
  @SuppressWarnings("deprecation") // matchSubjectAltNames is what istiod 1.22 sends
  public static CertificateValidationContext sanValidation(List<String> sans, String crlFile) {
    CertificateValidationContext.Builder b = CertificateValidationContext.newBuilder();
    for (String san : sans) {
      b.addMatchSubjectAltNames(StringMatcher.newBuilder().setExact(san));
    }
    if (!crlFile.isEmpty()) {
      b.setCrl(DataSource.newBuilder().setFilename(crlFile));
    }
    return b.build();
  }

  /**
   * The ISTIO_MUTUAL context: workload certificate {@code default}, combined validation (SANs exactly, root
   * {@code ROOTCA}), both from {@code sds-grpc}, with {@code sni} and {@code alpn}.
   */
  public static UpstreamTlsContext istioMutual(List<String> sans, String sni, List<String> alpn) {
    CommonTlsContext common = CommonTlsContext.newBuilder()
        .setTlsParams(defaultParams())
        .addTlsCertificateSdsSecretConfigs(sds(DEFAULT_SECRET))
        .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setDefaultValidationContext(sanValidation(sans, ""))
            .setValidationContextSdsSecretConfig(sds(ROOT_SECRET)))
        .addAllAlpnProtocols(alpn)
        .build();
    return UpstreamTlsContext.newBuilder().setCommonTlsContext(common).setSni(sni).build();
  }

  /**
   * The proxyless gRPC ISTIO_MUTUAL context: certificate provider instance {@code default} with certificate
   * names {@code default} and {@code ROOTCA} (the client's bootstrap defines the instance), SANs exactly.
   */
  @SuppressWarnings("deprecation") // the certificate provider instance fields are what grpc-java reads
  public static UpstreamTlsContext grpcIstioMutual(List<String> sans) {
    CommonTlsContext common = CommonTlsContext.newBuilder()
        .setTlsCertificateCertificateProviderInstance(CommonTlsContext.CertificateProviderInstance.newBuilder()
            .setInstanceName("default").setCertificateName(DEFAULT_SECRET))
        .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setValidationContextCertificateProviderInstance(CommonTlsContext.CertificateProviderInstance.newBuilder()
                .setInstanceName("default").setCertificateName(ROOT_SECRET))
            .setDefaultValidationContext(sanValidation(sans, "")))
        .build();
    return UpstreamTlsContext.newBuilder().setCommonTlsContext(common).build();
  }

  /** The TLS transport socket carrying {@code context}. */
  public static TransportSocket tlsSocket(UpstreamTlsContext context) {
    return TransportSocket.newBuilder().setName(TLS_SOCKET).setTypedConfig(Any.pack(context)).build();
  }

  /** The plaintext transport socket. */
  public static TransportSocket rawBufferSocket() {
    return RAW_BUFFER;
  }

  private static final TransportSocket RAW_BUFFER = TransportSocket.newBuilder().setName(RAW_BUFFER_SOCKET)
      .setTypedConfig(Any.pack(RawBuffer.getDefaultInstance())).build();
}
