package dev.meshwright.xds.bootstrap;

import dev.meshwright.api.mesh.ProxyConfig;
import io.envoyproxy.envoy.config.core.v3.Locality;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything pilot-agent knows when it writes a proxy's Envoy bootstrap: the node ID, the effective ProxyConfig, and
 * the facts it gathers from its environment (the {@code ISTIO_META_*} / {@code ISTIO_METAJSON_*} variables, the
 * downward-API label and annotation files, the pod IPs, the platform). The edge (meshctl, a test) reads those and
 * passes them here as values; {@link BootstrapRenderer} never reads the environment itself.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(String, ProxyConfig)}. Defaults follow pilot-agent 1.22.8:
 * Prometheus port 15090, status port 15021, Istio version {@code 1.22.8}, delta xDS, text application log.
 */
public final class BootstrapOptions {
  /** The version pilot-agent reports as {@code ISTIO_VERSION} unless the environment sets one. */
  public static final String DEFAULT_ISTIO_VERSION = "1.22.8";

  /** Switches of pilot-agent that change the bootstrap (its feature flags and command-line options). */
  public enum Feature {
    /** {@code ISTIO_DELTA_XDS=false}: ADS uses state-of-the-world gRPC instead of delta. */
    STATE_OF_THE_WORLD_XDS,
    /** The agent serves workload metadata discovery (ambient): the {@code metadata_discovery} extension. */
    METADATA_DISCOVERY,
    /** {@code EXIT_ON_ZERO_ACTIVE_CONNECTIONS}: the {@code downstream_cx_active} stat is kept for draining. */
    EXIT_ON_ZERO_ACTIVE_CONNECTIONS,
    /** {@code ISTIO_DUAL_STACK}: a proxy with IPv4 and IPv6 addresses listens on both families. */
    DUAL_STACK,
    /** The workload's credential socket exists: node metadata {@code credential: "true"}. */
    CREDENTIAL_SOCKET,
    /** {@code --log_as_json}: Envoy's application log is JSON. */
    JSON_APPLICATION_LOG,
    /**
     * {@code HTTP_STRIP_FRAGMENT_FROM_PATH_UNSAFE_IF_DISABLED=false}: the runtime flag of that name is written as
     * {@code "false"}.
     */
    KEEP_URL_FRAGMENT
  }

  private final String nodeId;
  private final ProxyConfig proxyConfig;
  private final Map<String, String> environment;
  private final Map<String, String> podAnnotations;
  private final Optional<Map<String, String>> podLabels;
  private final List<String> instanceIps;
  private final List<String> pilotSubjectAltNames;
  private final Optional<String> outlierLogPath;
  private final int envoyPrometheusPort;
  private final int envoyStatusPort;
  private final OptionalInt stsPort;
  private final Map<String, String> platformMetadata;
  private final Optional<Locality> platformLocality;
  private final String istioVersion;
  private final Optional<String> compliancePolicy;
  private final Optional<String> hostIp;
  private final Set<Feature> features;

  private BootstrapOptions(Builder b) {
    this.nodeId = b.nodeId;
    this.proxyConfig = b.proxyConfig;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    this.podAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(b.podAnnotations));
    this.podLabels = b.podLabels.map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    this.instanceIps = List.copyOf(b.instanceIps);
    this.pilotSubjectAltNames = List.copyOf(b.pilotSubjectAltNames);
    this.outlierLogPath = b.outlierLogPath;
    this.envoyPrometheusPort = b.envoyPrometheusPort;
    this.envoyStatusPort = b.envoyStatusPort;
    this.stsPort = b.stsPort;
    this.platformMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.platformMetadata));
    this.platformLocality = b.platformLocality;
    this.istioVersion = b.istioVersion;
    this.compliancePolicy = b.compliancePolicy;
    this.hostIp = b.hostIp;
    this.features = Collections.unmodifiableSet(b.features.isEmpty() ? EnumSet.noneOf(Feature.class)
        : EnumSet.copyOf(b.features));
  }

  /** A builder for the proxy {@code nodeId} ({@code type~ip~id~domain}) running with {@code proxyConfig}. */
  public static Builder builder(String nodeId, ProxyConfig proxyConfig) {
    return new Builder(nodeId, proxyConfig);
  }

  /** The Envoy node ID, {@code <type>~<ip>~<pod>.<namespace>~<namespace>.svc.<domain>}. */
  public String nodeId() {
    return nodeId;
  }

  /** The effective ProxyConfig (mesh {@code defaultConfig} with the pod's overrides applied). */
  public ProxyConfig proxyConfig() {
    return proxyConfig;
  }

  /**
   * The agent's environment variables in the order given: {@code ISTIO_META_<KEY>} becomes node metadata
   * {@code KEY}, {@code ISTIO_METAJSON_<NAME>} is a JSON object whose keys become metadata keys, and
   * {@code POD_NAME}, {@code POD_NAMESPACE}, {@code SERVICE_ACCOUNT}, {@code ISTIO_METAJSON_LABELS} fill the typed
   * fields. Other variables are ignored.
   */
  public Map<String, String> environment() {
    return environment;
  }

  /** The pod's annotations from the downward-API file (empty when there is none). */
  public Map<String, String> podAnnotations() {
    return podAnnotations;
  }

  /** The pod's labels from the downward-API file, when the file exists. */
  public Optional<Map<String, String>> podLabels() {
    return podLabels;
  }

  /** The pod's IP addresses (duplicates are dropped). */
  public List<String> instanceIps() {
    return instanceIps;
  }

  /** The subject alternative names expected of istiod. */
  public List<String> pilotSubjectAltNames() {
    return pilotSubjectAltNames;
  }

  /** Where Envoy logs outlier-detection events. */
  public Optional<String> outlierLogPath() {
    return outlierLogPath;
  }

  /** Port of the merged Prometheus listener (15090). */
  public int envoyPrometheusPort() {
    return envoyPrometheusPort;
  }

  /** Port of the readiness listener that forwards to the agent (15021). */
  public int envoyStatusPort() {
    return envoyStatusPort;
  }

  /** Port of the agent's token exchange (STS) server, when it runs one. */
  public OptionalInt stsPort() {
    return stsPort;
  }

  /** Platform metadata (for example {@code gcp_project} on GCP). */
  public Map<String, String> platformMetadata() {
    return platformMetadata;
  }

  /** The locality the platform reports; used when the pod has no {@code istio-locality} label. */
  public Optional<Locality> platformLocality() {
    return platformLocality;
  }

  /** The version reported as {@code ISTIO_VERSION} unless {@code ISTIO_META_ISTIO_VERSION} is set. */
  public String istioVersion() {
    return istioVersion;
  }

  /** The compliance policy ({@code COMPLIANCE_POLICY}); {@code fips-140-2} limits Google gRPC to TLS 1.2. */
  public Optional<String> compliancePolicy() {
    return compliancePolicy;
  }

  /** The node's IP ({@code HOST_IP}), put in place of a tracer or statsd host written as {@code $(HOST_IP)}. */
  public Optional<String> hostIp() {
    return hostIp;
  }

  /** The switches that are on. */
  public Set<Feature> features() {
    return features;
  }

  /** Whether {@code feature} is on. */
  public boolean has(Feature feature) {
    return features.contains(feature);
  }

  /** Builds {@link BootstrapOptions}; not thread-safe. */
  public static final class Builder {
    private final String nodeId;
    private final ProxyConfig proxyConfig;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> podAnnotations = new LinkedHashMap<>();
    private Optional<Map<String, String>> podLabels = Optional.empty();
    private List<String> instanceIps = List.of();
    private List<String> pilotSubjectAltNames = List.of();
    private Optional<String> outlierLogPath = Optional.empty();
    private int envoyPrometheusPort = 15090;
    private int envoyStatusPort = 15021;
    private OptionalInt stsPort = OptionalInt.empty();
    private final Map<String, String> platformMetadata = new LinkedHashMap<>();
    private Optional<Locality> platformLocality = Optional.empty();
    private String istioVersion = DEFAULT_ISTIO_VERSION;
    private Optional<String> compliancePolicy = Optional.empty();
    private Optional<String> hostIp = Optional.empty();
    private final Set<Feature> features = EnumSet.noneOf(Feature.class);

    private Builder(String nodeId, ProxyConfig proxyConfig) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      this.proxyConfig = Objects.requireNonNull(proxyConfig, "proxyConfig");
    }

    /** Adds one environment variable (a later value for the same name replaces the earlier). */
    public Builder putEnvironment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Adds environment variables in iteration order. */
    public Builder putAllEnvironment(Map<String, String> values) {
      environment.putAll(values);
      return this;
    }

    /** Sets the downward-API annotations. */
    public Builder podAnnotations(Map<String, String> values) {
      podAnnotations.clear();
      podAnnotations.putAll(values);
      return this;
    }

    /** Sets the downward-API labels (the file exists, possibly empty). */
    public Builder podLabels(Map<String, String> values) {
      podLabels = Optional.of(new LinkedHashMap<>(values));
      return this;
    }

    /** Sets the pod IPs. */
    public Builder instanceIps(List<String> values) {
      instanceIps = List.copyOf(values);
      return this;
    }

    /** Sets istiod's expected subject alternative names. */
    public Builder pilotSubjectAltNames(List<String> values) {
      pilotSubjectAltNames = List.copyOf(values);
      return this;
    }

    /** Sets the outlier event log path. */
    public Builder outlierLogPath(String value) {
      outlierLogPath = Optional.of(value);
      return this;
    }

    /** Sets the Prometheus listener port. */
    public Builder envoyPrometheusPort(int value) {
      envoyPrometheusPort = value;
      return this;
    }

    /** Sets the readiness listener port. */
    public Builder envoyStatusPort(int value) {
      envoyStatusPort = value;
      return this;
    }

    /** Sets the STS port; 0 means none. */
    public Builder stsPort(int value) {
      stsPort = value == 0 ? OptionalInt.empty() : OptionalInt.of(value);
      return this;
    }

    /** Sets the platform metadata. */
    public Builder platformMetadata(Map<String, String> values) {
      platformMetadata.clear();
      platformMetadata.putAll(values);
      return this;
    }

    /** Sets the platform's locality. */
    public Builder platformLocality(Locality value) {
      platformLocality = Optional.of(value);
      return this;
    }

    /** Sets the default {@code ISTIO_VERSION}. */
    public Builder istioVersion(String value) {
      istioVersion = Objects.requireNonNull(value, "istioVersion");
      return this;
    }

    /** Sets the compliance policy. */
    public Builder compliancePolicy(String value) {
      compliancePolicy = Optional.of(value);
      return this;
    }

    /** Sets the node IP used for {@code $(HOST_IP)}. */
    public Builder hostIp(String value) {
      hostIp = Optional.of(value);
      return this;
    }

    /** Turns {@code feature} on. */
    public Builder enable(Feature feature) {
      features.add(feature);
      return this;
    }

    /** The options. */
    public BootstrapOptions build() {
      return new BootstrapOptions(this);
    }
  }
}
