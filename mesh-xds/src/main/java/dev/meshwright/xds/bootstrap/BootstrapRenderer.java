package dev.meshwright.xds.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.github.udpa.udpa.type.v1.TypedStruct;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.mesh.RemoteService;
import dev.meshwright.api.networking.TcpKeepalive;
import dev.meshwright.xds.EnvoyTypes;
import dev.meshwright.xds.bootstrap.BootstrapOptions.Feature;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.bootstrap.v3.Admin;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.bootstrap.v3.ClusterManager;
import io.envoyproxy.envoy.config.bootstrap.v3.LayeredRuntime;
import io.envoyproxy.envoy.config.bootstrap.v3.RuntimeLayer;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.cluster.v3.UpstreamConnectionOptions;
import io.envoyproxy.envoy.config.metrics.v3.MetricsServiceConfig;
import io.envoyproxy.envoy.config.metrics.v3.StatsSink;
import io.envoyproxy.envoy.config.metrics.v3.StatsdSink;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the Envoy bootstrap pilot-agent 1.22.8 writes for a sidecar or gateway ({@code envoy-rev.json}): the node
 * (ID, service cluster, locality, metadata), the runtime layers, Istio's stats settings, the admin endpoint, ADS
 * through the agent's xDS proxy, the static clusters ({@code prometheus_stats}, {@code agent}, {@code sds-grpc},
 * {@code xds-grpc}, plus the tracer, metrics-service and access-log-service ones), the Prometheus and readiness
 * listeners, the tracer, the stats sinks and the cluster manager's outlier log and load reporting.
 *
 * <p>A pure function of {@link BootstrapOptions}: it reads no files or environment. Bad input (an unparsable
 * address, a Stackdriver tracer without a GCP project, malformed typed node metadata) never throws; it comes back
 * as {@link BootstrapResult#problems()}. Stateless and thread-safe.
 */
public final class BootstrapRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withSeparators(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
  private static final String TEXT_LOG_FORMAT = "%Y-%m-%dT%T.%fZ\t%l\tenvoy %n %g:%#\t%v\tthread=%t";
  private static final int DEFAULT_STATUS_PORT = 15020;

  private BootstrapRenderer() {}

  /** The bootstrap for {@code options}, or why there is none. */
  public static BootstrapResult render(BootstrapOptions options) {
    List<String> problems = new ArrayList<>();
    ProxyConfig pc = options.proxyConfig();
    NodeMetadata.Facts node = NodeMetadata.of(options);
    problems.addAll(node.problems());
    List<String> ips = new ArrayList<>(new LinkedHashSet<>(options.instanceIps()));
    Addresses.Local local = Addresses.local(ips, options);
    boolean waypoint = options.nodeId().startsWith("waypoint~");
    boolean metadataDiscovery = options.has(Feature.METADATA_DISCOVERY) || waypoint;

    Bootstrap.Builder b = Bootstrap.newBuilder();
    b.setApplicationLogConfig(Bootstrap.ApplicationLogConfig.newBuilder().setLogFormat(logFormat(options)));
    b.setNode(Node.newBuilder().setId(options.nodeId()).setCluster(node.cluster()).setLocality(node.locality())
        .setMetadata(JsonStructs.struct(node.metadata())));
    b.setLayeredRuntime(LayeredRuntime.newBuilder()
        .addLayers(RuntimeLayer.newBuilder().setName("global config").setStaticLayer(RuntimeFlags.of(options)))
        .addLayers(RuntimeLayer.newBuilder().setName("admin")
            .setAdminLayer(RuntimeLayer.AdminLayer.getDefaultInstance())));
    if (metadataDiscovery) {
      b.addBootstrapExtensions(typedStruct("metadata_discovery", "type.googleapis.com/istio.workload.BootstrapExtension",
          struct("config_source", structValue(struct("ads", structValue(Struct.getDefaultInstance()))))));
    }
    b.addBootstrapExtensions(typedStruct("envoy.bootstrap.internal_listener",
        "type.googleapis.com/envoy.extensions.bootstrap.internal_listener.v3.InternalListener",
        struct("buffer_size_kb", Value.newBuilder().setNumberValue(64).build())));
    b.setStatsConfig(StatsSettings.of(options, ips, node.annotations(), metadataDiscovery));
    int adminPort = pc.proxyAdminPort().orElse(0);
    b.setAdmin(Admin.newBuilder()
        .addAccessLog(AccessLog.newBuilder().setName("envoy.access_loggers.file")
            .setTypedConfig(Any.pack(FileAccessLog.newBuilder().setPath("/dev/null").build())))
        .setProfilePath("/var/lib/istio/data/envoy.prof")
        .setAddress(new Addresses.HostPort(local.localhost(), adminPort).toAddress()));
    ApiConfigSource.ApiType api = options.has(Feature.STATE_OF_THE_WORLD_XDS) && !waypoint
        ? ApiConfigSource.ApiType.GRPC : ApiConfigSource.ApiType.DELTA_GRPC;
    b.setDynamicResources(Bootstrap.DynamicResources.newBuilder()
        .setLdsConfig(ads()).setCdsConfig(ads())
        .setAdsConfig(ApiConfigSource.newBuilder().setApiType(api).setSetNodeOnFirstMessageOnly(true)
            .setTransportApiVersion(ApiVersion.V3)
            .addGrpcServices(grpc(AgentClusters.XDS_GRPC))));

    address("pilot_grpc_address", pc.discoveryAddress(), options, problems);
    Tracers.Setup tracer = Tracers.of(options, node, local, problems);
    Optional<Addresses.HostPort> metrics = address("envoy_metrics_service",
        pc.envoyMetricsService().flatMap(RemoteService::address), options, problems);
    b.setStaticResources(staticResources(options, node, local, tracer, metrics, problems));
    tracer.tracer().ifPresent(t -> setTracing(b, t));
    metrics.ifPresent(m -> b.addStatsSinks(StatsSink.newBuilder().setName("envoy.stat_sinks.metrics_service")
        .setTypedConfig(Any.pack(MetricsServiceConfig.newBuilder().setTransportApiVersion(ApiVersion.V3)
            .setGrpcService(grpc("envoy_metrics_service")).build()))));
    address("statsd", pc.statsdUdpAddress(), options, problems).ifPresent(s -> b.addStatsSinks(StatsSink.newBuilder()
        .setName("envoy.stat_sinks.statsd")
        .setTypedConfig(Any.pack(StatsdSink.newBuilder().setAddress(s.toAddress()).build()))));
    clusterManager(options, node, problems).ifPresent(b::setClusterManager);
    if (!problems.isEmpty()) {
      return new BootstrapResult(Optional.empty(), Map.of(), problems);
    }
    return new BootstrapResult(Optional.of(b.build()), tracer.files(), List.of());
  }

  /**
   * The static clusters (agent loopback, SDS, xDS, then the tracer's and the telemetry services') and the Prometheus
   * and readiness listeners.
   */
  private static Bootstrap.StaticResources staticResources(BootstrapOptions options, NodeMetadata.Facts node,
      Addresses.Local local, Tracers.Setup tracer, Optional<Addresses.HostPort> metrics, List<String> problems) {
    ProxyConfig pc = options.proxyConfig();
    int adminPort = pc.proxyAdminPort().orElse(0);
    Bootstrap.StaticResources.Builder statics = Bootstrap.StaticResources.newBuilder()
        .addClusters(AgentClusters.loopback(AgentClusters.PROMETHEUS_STATS, local.localhost(), adminPort))
        .addClusters(AgentClusters.loopback(AgentClusters.AGENT, local.localhost(),
            pc.statusPort().orElse(DEFAULT_STATUS_PORT)))
        .addClusters(AgentClusters.sds())
        .addClusters(AgentClusters.xds(pc.configPath().orElse("")));
    tracer.cluster().ifPresent(statics::addClusters);
    metrics.ifPresent(t -> statics.addClusters(telemetryCluster("envoy_metrics_service", t,
        pc.envoyMetricsService().get(), node, local)));
    address("envoy_accesslog_service", pc.envoyAccessLogService().flatMap(RemoteService::address), options, problems)
        .ifPresent(t -> statics.addClusters(telemetryCluster("envoy_accesslog_service", t,
            pc.envoyAccessLogService().get(), node, local)));
    boolean localhostOnly = "true".equals(pc.proxyMetadata().get("METRICS_LOCALHOST_ACCESS_ONLY"));
    statics.addListeners(AgentListeners.prometheus(options.envoyPrometheusPort(), local, localhostOnly,
        StatsSettings.compression(node.annotations())));
    statics.addListeners(AgentListeners.status(options.envoyStatusPort(), local));
    return statics.build();
  }

  /**
   * {@code bootstrap} as JSON with proto field names ({@code static_resources}), as pilot-agent writes
   * {@code envoy-rev.json}: every {@code Any} expanded, whole numbers in metadata and runtime layers written without
   * a fraction ({@code 15021}, not {@code 15021.0}).
   */
  public static String toJson(Bootstrap bootstrap) {
    try {
      JsonNode tree = JSON.readTree(EnvoyTypes.get().json().preservingProtoFieldNames().print(bootstrap));
      return JSON.writer(PRETTY).writeValueAsString(wholeNumbers(tree));
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException("a rendered bootstrap holds only known types", e);
    }
  }

  private static JsonNode wholeNumbers(JsonNode node) {
    if (node.isDouble() && node.doubleValue() == Math.rint(node.doubleValue())
        && Math.abs(node.doubleValue()) < 1e15) {
      return LongNode.valueOf((long) node.doubleValue());
    }
    if (node instanceof ObjectNode o) {
      o.properties().forEach(e -> e.setValue(wholeNumbers(e.getValue())));
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, wholeNumbers(a.get(i)));
      }
    }
    return node;
  }

  private static Bootstrap.ApplicationLogConfig.LogFormat logFormat(BootstrapOptions options) {
    if (!options.has(Feature.JSON_APPLICATION_LOG)) {
      return Bootstrap.ApplicationLogConfig.LogFormat.newBuilder().setTextFormat(TEXT_LOG_FORMAT).build();
    }
    Struct.Builder json = Struct.newBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("time", "%Y-%m-%dT%T.%fZ");
    fields.put("level", "%l");
    fields.put("scope", "envoy %n");
    fields.put("msg", "%j");
    fields.put("caller", "%g:%#");
    fields.put("thread", "%t");
    fields.forEach((k, v) -> json.putFields(k, JsonStructs.string(v)));
    return Bootstrap.ApplicationLogConfig.LogFormat.newBuilder().setJsonFormat(json).build();
  }

  private static TypedExtensionConfig typedStruct(String name, String typeUrl, Struct value) {
    return TypedExtensionConfig.newBuilder().setName(name)
        .setTypedConfig(Any.pack(TypedStruct.newBuilder().setTypeUrl(typeUrl).setValue(value).build())).build();
  }

  @SuppressWarnings("deprecation") // the bootstrap-wide tracer is what pilot-agent 1.22 writes
  private static void setTracing(Bootstrap.Builder b, io.envoyproxy.envoy.config.trace.v3.Tracing tracing) {
    b.setTracing(tracing);
  }

  private static Struct struct(String key, Value value) {
    return Struct.newBuilder().putFields(key, value).build();
  }

  private static Value structValue(Struct struct) {
    return Value.newBuilder().setStructValue(struct).build();
  }

  private static ConfigSource ads() {
    return ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
        .setInitialFetchTimeout(Duration.getDefaultInstance()).setResourceApiVersion(ApiVersion.V3).build();
  }

  private static GrpcService grpc(String cluster) {
    return GrpcService.newBuilder().setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(cluster)).build();
  }

  /** A telemetry service cluster (metrics or access log): HTTP/2 over DNS, with its TLS and keepalive settings. */
  private static Cluster telemetryCluster(String name, Addresses.HostPort target, RemoteService service,
      NodeMetadata.Facts node, Addresses.Local local) {
    Cluster.Builder c = AgentClusters.strictDns(name, target, local.dnsLookupFamily())
        .putTypedExtensionProtocolOptions(AgentClusters.HTTP_PROTOCOL_OPTIONS, AgentClusters.http2());
    service.tlsSettings().flatMap(tls -> ServiceTls.socket(tls, name, node, ServiceTls.Protocol.HTTP2))
        .ifPresent(c::setTransportSocket);
    service.tcpKeepalive().ifPresent(k -> c.setUpstreamConnectionOptions(keepalive(k)));
    return c.build();
  }

  private static UpstreamConnectionOptions keepalive(TcpKeepalive k) {
    io.envoyproxy.envoy.config.core.v3.TcpKeepalive.Builder tcp = io.envoyproxy.envoy.config.core.v3.TcpKeepalive
        .newBuilder();
    k.probes().filter(p -> p > 0).ifPresent(p -> tcp.setKeepaliveProbes(UInt32Value.of(p)));
    k.time().filter(t -> t.getSeconds() > 0).ifPresent(t -> tcp.setKeepaliveTime(UInt32Value.of((int) t.getSeconds())));
    k.interval().filter(t -> t.getSeconds() > 0)
        .ifPresent(t -> tcp.setKeepaliveInterval(UInt32Value.of((int) t.getSeconds())));
    return UpstreamConnectionOptions.newBuilder().setTcpKeepalive(tcp).build();
  }

  /** A set, non-empty {@code host:port} setting; unparsable is a problem. */
  private static Optional<Addresses.HostPort> address(String name, Optional<String> value, BootstrapOptions options,
      List<String> problems) {
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    Optional<Addresses.HostPort> parsed = Addresses.parse(value.get(), options.hostIp());
    if (parsed.isEmpty()) {
      problems.add("unable to parse " + name + " address \"" + value.get() + "\"");
    }
    return parsed;
  }

  /** Outlier event log and load reporting (node metadata {@code LOAD_STATS_CONFIG_JSON}, an ApiConfigSource). */
  private static Optional<ClusterManager> clusterManager(BootstrapOptions options, NodeMetadata.Facts node,
      List<String> problems) {
    ClusterManager.Builder cm = ClusterManager.newBuilder();
    options.outlierLogPath().filter(p -> !p.isEmpty()).ifPresent(p -> cm.setOutlierDetection(
        ClusterManager.OutlierDetection.newBuilder().setEventLogPath(p)));
    String lrs = node.get("LOAD_STATS_CONFIG_JSON");
    if (!lrs.isEmpty()) {
      ApiConfigSource.Builder source = ApiConfigSource.newBuilder();
      try {
        JsonFormat.parser().merge(lrs, source);
        cm.setLoadStatsConfig(source);
      } catch (InvalidProtocolBufferException e) {
        problems.add("node metadata LOAD_STATS_CONFIG_JSON: not an ApiConfigSource: " + e.getMessage());
      }
    }
    return cm.hasOutlierDetection() || cm.hasLoadStatsConfig() ? Optional.of(cm.build()) : Optional.empty();
  }
}
