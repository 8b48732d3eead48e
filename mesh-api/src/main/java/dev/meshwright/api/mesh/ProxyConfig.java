package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.networking.ProxyConfigSpec.ProxyImage;
import dev.meshwright.api.networking.ReadinessProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of one proxy ({@code istio.mesh.v1alpha1.ProxyConfig}); as {@code MeshConfig.defaultConfig} the
 * defaults of every proxy. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProxyConfig.class)
@JsonDeserialize(as = ImmutableProxyConfig.class)
public interface ProxyConfig {
  /** Directory for generated Envoy configuration. */
  Optional<String> configPath();

  /** Path of the Envoy binary. */
  Optional<String> binaryPath();

  /** Service cluster name reported to Envoy (oneof cluster name). */
  Optional<String> serviceCluster();

  /** How the service name in traces is derived (oneof cluster name). */
  Optional<TracingServiceName> tracingServiceName();

  /** Time connections get to drain on a hot restart. */
  Optional<Duration> drainDuration();

  /** {@code host:port} of the discovery service (istiod). */
  Optional<String> discoveryAddress();

  /** Deprecated polling interval. */
  Optional<Duration> discoveryRefreshDelay();

  /** Deprecated Zipkin address. */
  Optional<String> zipkinAddress();

  /** {@code host:port} of a statsd collector. */
  Optional<String> statsdUdpAddress();

  /** Deprecated metrics service address. */
  Optional<String> envoyMetricsServiceAddress();

  /** Port of Envoy's admin interface. */
  Optional<Integer> proxyAdminPort();

  /** Deprecated availability zone. */
  Optional<String> availabilityZone();

  /** Authentication towards the control plane. */
  Optional<AuthenticationPolicy> controlPlaneAuthPolicy();

  /** A custom Envoy bootstrap file. */
  Optional<String> customConfigFile();

  /** Longest stat name kept. */
  Optional<Integer> statNameLength();

  /** Worker threads; 0 means one per core. */
  Optional<Integer> concurrency();

  /** Bootstrap template path. */
  Optional<String> proxyBootstrapTemplatePath();

  /** How inbound traffic is captured. */
  Optional<InboundInterceptionMode> interceptionMode();

  /** Tracer settings. */
  Optional<Tracing> tracing();

  /** Deprecated SDS settings. */
  Optional<SDS> sds();

  /** Streams access logs to a gRPC service. */
  Optional<RemoteService> envoyAccessLogService();

  /** Streams metrics to a gRPC service. */
  Optional<RemoteService> envoyMetricsService();

  /** Environment variables and metadata for the proxy agent. */
  Map<String, String> proxyMetadata();

  /** Envoy runtime flags. */
  Map<String, String> runtimeValues();

  /** Port of the agent's status (health, merged metrics) server. */
  Optional<Integer> statusPort();

  /** Extra metric tag names. */
  List<String> extraStatTags();

  /** Gateway network topology. */
  Optional<Topology> gatewayTopology();

  /** Drain time when the pod is terminated. */
  Optional<Duration> terminationDrainDuration();

  /** The mesh identifier. */
  Optional<String> meshId();

  /** Readiness probe of the proxy ({@code networking.v1alpha3.ReadinessProbe}). */
  Optional<ReadinessProbe> readinessProbe();

  /** Extra Envoy stats to keep. */
  Optional<ProxyStatsMatcher> proxyStatsMatcher();

  /** Starts the application container only after the proxy is ready. */
  Optional<Boolean> holdApplicationUntilProxyStarts();

  /** Extra trusted CA certificates in PEM. */
  List<String> caCertificatesPem();

  /** Proxy image selection ({@code networking.v1beta1.ProxyImage}). */
  Optional<ProxyImage> image();

  /** Private key offload. */
  Optional<PrivateKeyProvider> privateKeyProvider();

  /** Header handling. */
  Optional<ProxyHeaders> proxyHeaders();

  /** Rejects more than one member of the cluster_name oneof. */
  @Value.Check
  default void checkOneof() {
    Oneofs.atMostOne(
        "cluster_name",
        "serviceCluster", serviceCluster().isPresent(),
        "tracingServiceName", tracingServiceName().isPresent());
  }

  /** How the service name in traces is built. */
  enum TracingServiceName {
    APP_LABEL_AND_NAMESPACE,
    CANONICAL_NAME_ONLY,
    CANONICAL_NAME_AND_NAMESPACE
  }

  /** Inbound capture modes. */
  enum InboundInterceptionMode {
    REDIRECT,
    TPROXY,
    NONE
  }

  /** Envoy stats to keep beyond the defaults. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableProxyStatsMatcher.class)
  @JsonDeserialize(as = ImmutableProxyStatsMatcher.class)
  interface ProxyStatsMatcher {
    /** Stat name prefixes. */
    List<String> inclusionPrefixes();

    /** Stat name suffixes. */
    List<String> inclusionSuffixes();

    /** Stat name patterns. */
    List<String> inclusionRegexps();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ProxyStatsMatcher}. */
    final class Builder extends ImmutableProxyStatsMatcher.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxyConfig}. */
  final class Builder extends ImmutableProxyConfig.Builder {}
}
