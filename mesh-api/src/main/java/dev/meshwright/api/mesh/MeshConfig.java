package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.networking.HTTPRetry;
import dev.meshwright.api.networking.LocalityLoadBalancerSetting;
import dev.meshwright.api.networking.TcpKeepalive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The mesh-wide configuration of Istio ({@code istio.mesh.v1alpha1.MeshConfig}), as found in the {@code mesh}
 * key of the {@code istio} ConfigMap. Read it with {@link dev.meshwright.api.yaml.MeshConfigYaml#read}, complete it with {@link
 * MeshConfigs#defaults()} and {@link MeshConfigs#merge}. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMeshConfig.class)
@JsonDeserialize(as = ImmutableMeshConfig.class)
public interface MeshConfig {
  /** Port the sidecar's outbound listener binds (15001). */
  Optional<Integer> proxyListenPort();

  /** Port the sidecar's inbound listener binds (15006). */
  Optional<Integer> proxyInboundListenPort();

  /** Port of an extra HTTP listener on the sidecar, if any. */
  Optional<Integer> proxyHttpPort();

  /** Connect timeout of upstream connections. */
  Optional<Duration> connectTimeout();

  /** How long the proxy waits for client bytes to sniff the protocol; 0 disables. */
  Optional<Duration> protocolDetectionTimeout();

  /** Keepalive on upstream connections. */
  Optional<TcpKeepalive> tcpKeepalive();

  /** Ingress class handled by Istio's Kubernetes Ingress controller. */
  Optional<String> ingressClass();

  /** Service of the ingress gateway used for Kubernetes Ingress. */
  Optional<String> ingressService();

  /** Which Ingress resources Istio handles. */
  Optional<IngressControllerMode> ingressControllerMode();

  /** Gateway selector used for Kubernetes Ingress. */
  Optional<String> ingressSelector();

  /** Turns on tracing. */
  Optional<Boolean> enableTracing();

  /** File the proxies write access logs to; empty disables. */
  Optional<String> accessLogFile();

  /** Access log format string. */
  Optional<String> accessLogFormat();

  /** Text or JSON access logs. */
  Optional<AccessLogEncoding> accessLogEncoding();

  /** Streams access logs to the Envoy access log service. */
  Optional<Boolean> enableEnvoyAccessLogService();

  /** Turns off listener-level access logs. */
  Optional<Boolean> disableEnvoyListenerLog();

  /** Defaults of every proxy. */
  Optional<ProxyConfig> defaultConfig();

  /** Handling of traffic to unknown destinations. */
  Optional<OutboundTrafficPolicy> outboundTrafficPolicy();

  /** Where inbound traffic is forwarded. */
  Optional<InboundTrafficPolicy> inboundTrafficPolicy();

  /** Configuration sources. */
  List<ConfigSource> configSources();

  /** Uses mTLS automatically towards workloads with sidecars. */
  Optional<Boolean> enableAutoMtls();

  /** The mesh trust domain. */
  Optional<String> trustDomain();

  /** Other trust domains treated as this one. */
  List<String> trustDomainAliases();

  /** Extra trusted roots. */
  List<CertificateData> caCertificates();

  /** Default exportTo of ServiceEntries and Services. */
  List<String> defaultServiceExportTo();

  /** Default exportTo of VirtualServices. */
  List<String> defaultVirtualServiceExportTo();

  /** Default exportTo of DestinationRules. */
  List<String> defaultDestinationRuleExportTo();

  /** Namespace whose config applies mesh-wide. */
  Optional<String> rootNamespace();

  /** Mesh-wide locality load balancing. */
  Optional<LocalityLoadBalancerSetting> localityLbSetting();

  /** Refresh rate of DNS-resolved clusters. */
  Optional<Duration> dnsRefreshRate();

  /** Whether HTTP/1.1 connections are upgraded to HTTP/2. */
  Optional<H2UpgradePolicy> h2UpgradePolicy();

  /** Stat name pattern of inbound clusters. */
  Optional<String> inboundClusterStatName();

  /** Stat name pattern of outbound clusters. */
  Optional<String> outboundClusterStatName();

  /** Deprecated DNS certificates. */
  List<Certificate> certificates();

  /** Per-service settings. */
  List<ServiceSettings> serviceSettings();

  /** Merges application metrics into the proxy's Prometheus endpoint. */
  Optional<Boolean> enablePrometheusMerge();

  /** Deprecated. */
  Optional<Boolean> verifyCertificateAtClient();

  /** External certificate authority. */
  Optional<CA> ca();

  /** Named telemetry and authorization providers. */
  List<ExtensionProvider> extensionProviders();

  /** Providers used by default. */
  Optional<DefaultProviders> defaultProviders();

  /** Kubernetes label selectors of the namespaces istiod watches. */
  List<Map<String, Object>> discoverySelectors();

  /** Path normalisation. */
  Optional<ProxyPathNormalization> pathNormalization();

  /** Default retry policy for HTTP routes that set none. */
  Optional<HTTPRetry> defaultHttpRetryPolicy();

  /** TLS parameters of mesh mTLS. */
  Optional<TLSConfig> meshMTLS();

  /** Default TLS parameters for other TLS connections. */
  Optional<TLSConfig> tlsDefaults();

  /** Which Kubernetes Ingress resources Istio handles. */
  enum IngressControllerMode {
    UNSPECIFIED,
    OFF,
    DEFAULT,
    STRICT
  }

  /** Access log encodings. */
  enum AccessLogEncoding {
    TEXT,
    JSON
  }

  /** HTTP/2 upgrade policies. */
  enum H2UpgradePolicy {
    DO_NOT_UPGRADE,
    UPGRADE
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MeshConfig}. */
  final class Builder extends ImmutableMeshConfig.Builder {}
}
