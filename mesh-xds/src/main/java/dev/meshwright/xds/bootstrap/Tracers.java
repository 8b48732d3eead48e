package dev.meshwright.xds.bootstrap;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.meshwright.api.mesh.Tracing;
import dev.meshwright.xds.OpenCensusTypes;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.trace.v3.DatadogConfig;
import io.envoyproxy.envoy.config.trace.v3.LightstepConfig;
import io.envoyproxy.envoy.config.trace.v3.ZipkinConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracer of the ProxyConfig's {@code tracing}: the HTTP tracer Envoy is started with and, for Zipkin, Lightstep
 * and Datadog, the STRICT_DNS cluster it reports to (with the {@code tlsSettings} socket). Stackdriver and the
 * OpenCensus agent use Envoy's OpenCensus tracer; Stackdriver needs the GCP project from the platform metadata and
 * authenticates through the agent's STS server when it runs one. Lightstep reads its token from a file the agent
 * writes next to the bootstrap ({@link Setup#files()}). Stateless.
 */
final class Tracers {
  static final String LIGHTSTEP_TOKEN_FILE = "lightstep_access_token.txt";
  private static final String GCP_PROJECT = "gcp_project";
  private static final List<String> STACKDRIVER_CONTEXTS = List.of("CLOUD_TRACE_CONTEXT", "TRACE_CONTEXT",
      "GRPC_TRACE_BIN", "B3");
  private static final List<String> ALL_CONTEXTS = List.of("TRACE_CONTEXT", "GRPC_TRACE_BIN", "CLOUD_TRACE_CONTEXT",
      "B3");
  private static final long DEFAULT_LIMIT = 200;

  /**
   * What a tracer adds to the bootstrap.
   *
   * @param cluster the collector cluster, for tracers that have one
   * @param tracer the {@code tracing.http} config
   * @param files files the agent writes beside the bootstrap (path to content)
   */
  record Setup(Optional<Cluster> cluster, Optional<io.envoyproxy.envoy.config.trace.v3.Tracing> tracer,
      Map<String, String> files) {
    static final Setup NONE = new Setup(Optional.empty(), Optional.empty(), Map.of());
  }

  private Tracers() {}

  @SuppressWarnings("deprecation") // dns_refresh_rate and access_token_file are what pilot-agent 1.22 writes
  static Setup of(BootstrapOptions options, NodeMetadata.Facts node, Addresses.Local local, List<String> problems) {
    Optional<Tracing> tracing = options.proxyConfig().tracing();
    if (tracing.isEmpty()) {
      return Setup.NONE;
    }
    Tracing t = tracing.get();
    if (t.zipkin().isPresent()) {
      return collector(options, t, t.zipkin().get().address(), "zipkin", node, local, problems, ServiceTls.Protocol.ANY)
          .map(c -> new Setup(Optional.of(c.setDnsRefreshRate(com.google.protobuf.Duration.newBuilder().setSeconds(30))
              .build()), http("envoy.tracers.zipkin", ZipkinConfig.newBuilder().setCollectorCluster("zipkin")
              .setCollectorEndpoint("/api/v2/spans").setCollectorEndpointVersion(ZipkinConfig.CollectorEndpointVersion.HTTP_JSON)
              .setTraceId128Bit(true).setSharedSpanContext(BoolValue.of(false)).build()), Map.of()))
          .orElse(Setup.NONE);
    }
    if (t.lightstep().isPresent()) {
      String dir = options.proxyConfig().configPath().orElse("");
      String tokenFile = dir.isEmpty() ? LIGHTSTEP_TOKEN_FILE : dir.replaceAll("/+$", "") + "/" + LIGHTSTEP_TOKEN_FILE;
      Map<String, String> files = new LinkedHashMap<>();
      files.put(tokenFile, t.lightstep().get().accessToken().orElse(""));
      return collector(options, t, t.lightstep().get().address(), "lightstep", node, local, problems,
          ServiceTls.Protocol.HTTP2)
          .map(c -> new Setup(Optional.of(c.putTypedExtensionProtocolOptions(AgentClusters.HTTP_PROTOCOL_OPTIONS,
              AgentClusters.http2()).build()), http("envoy.tracers.lightstep", LightstepConfig.newBuilder()
              .setCollectorCluster("lightstep").setAccessTokenFile(tokenFile).build()), files))
          .orElse(new Setup(Optional.empty(), Optional.empty(), files));
    }
    if (t.datadog().isPresent()) {
      return collector(options, t, t.datadog().get().address(), "datadog_agent", node, local, problems,
          ServiceTls.Protocol.ANY)
          .map(c -> new Setup(Optional.of(c.build()), http("envoy.tracers.datadog", DatadogConfig.newBuilder()
              .setCollectorCluster("datadog_agent").setServiceName(node.cluster()).build()), Map.of()))
          .orElse(Setup.NONE);
    }
    if (t.openCensusAgent().isPresent()) {
      String address = t.openCensusAgent().get().address().orElse("");
      if (address.isEmpty()) {
        return Setup.NONE;
      }
      List<String> contexts = OpenCensusTypes.contextNames(t.openCensusAgent().get().context(), ALL_CONTEXTS);
      DynamicMessage.Builder oc = DynamicMessage.newBuilder(OpenCensusTypes.openCensusConfig());
      set(oc, "ocagent_exporter_enabled", true);
      set(oc, "ocagent_address", address);
      OpenCensusTypes.addContexts(oc, contexts);
      set(oc, "trace_config", traceConfig(DEFAULT_LIMIT, DEFAULT_LIMIT, DEFAULT_LIMIT));
      return new Setup(Optional.empty(), http("envoy.tracers.opencensus", oc.build()), Map.of());
    }
    if (t.stackdriver().isPresent()) {
      return stackdriver(options, t.stackdriver().get(), problems);
    }
    return Setup.NONE;
  }

  private static Setup stackdriver(BootstrapOptions options, Tracing.Stackdriver sd, List<String> problems) {
    String project = options.platformMetadata().get(GCP_PROJECT);
    if (project == null) {
      problems.add("unable to process Stackdriver tracer: missing GCP Project");
      return Setup.NONE;
    }
    DynamicMessage.Builder oc = DynamicMessage.newBuilder(OpenCensusTypes.openCensusConfig());
    set(oc, "stackdriver_exporter_enabled", true);
    set(oc, "stackdriver_project_id", project);
    if (options.stsPort().isPresent()) {
      GrpcService.Builder grpc = GrpcService.newBuilder().setGoogleGrpc(GrpcService.GoogleGrpc.newBuilder()
          .setTargetUri("cloudtrace.googleapis.com").setStatPrefix("oc_stackdriver_tracer")
          .setChannelCredentials(GrpcService.GoogleGrpc.ChannelCredentials.newBuilder()
              .setSslCredentials(GrpcService.GoogleGrpc.SslCredentials.getDefaultInstance()))
          .addCallCredentials(GrpcService.GoogleGrpc.CallCredentials.newBuilder()
              .setStsService(GrpcService.GoogleGrpc.CallCredentials.StsService.newBuilder()
                  .setTokenExchangeServiceUri("http://localhost:" + options.stsPort().getAsInt() + "/token")
                  .setSubjectTokenPath("./var/run/secrets/tokens/istio-token")
                  .setSubjectTokenType("urn:ietf:params:oauth:token-type:jwt")
                  .setScope("https://www.googleapis.com/auth/cloud-platform"))));
      grpc.addInitialMetadata(HeaderValue.newBuilder().setKey("x-goog-user-project").setValue(project));
      set(oc, "stackdriver_grpc_service", grpc.build());
    }
    set(oc, "stdout_exporter_enabled", sd.debug().orElse(false));
    OpenCensusTypes.addContexts(oc, STACKDRIVER_CONTEXTS);
    set(oc, "trace_config", traceConfig(sd.maxNumberOfAnnotations().orElse(DEFAULT_LIMIT),
        sd.maxNumberOfAttributes().orElse(DEFAULT_LIMIT), sd.maxNumberOfMessageEvents().orElse(DEFAULT_LIMIT)));
    return new Setup(Optional.empty(), http("envoy.tracers.opencensus", oc.build()), Map.of());
  }

  /** The collector cluster for {@code address}; empty (no tracer at all) when the address is unset. */
  private static Optional<Cluster.Builder> collector(BootstrapOptions options, Tracing t, Optional<String> address,
      String name, NodeMetadata.Facts node, Addresses.Local local, List<String> problems,
      ServiceTls.Protocol protocol) {
    if (address.isEmpty() || address.get().isEmpty()) {
      return Optional.empty();
    }
    Optional<Addresses.HostPort> target = Addresses.parse(address.get(), options.hostIp());
    if (target.isEmpty()) {
      problems.add("unable to parse " + name + " tracer address \"" + address.get() + "\"");
      return Optional.empty();
    }
    Cluster.Builder cluster = AgentClusters.strictDns(name, target.get(), local.dnsLookupFamily());
    t.tlsSettings().flatMap(tls -> ServiceTls.socket(tls, "tracer", node, protocol))
        .ifPresent(cluster::setTransportSocket);
    return Optional.of(cluster);
  }

  private static Message traceConfig(long annotations, long attributes, long messageEvents) {
    Descriptor d = OpenCensusTypes.traceConfig();
    Descriptor samplerType = d.findFieldByName("constant_sampler").getMessageType();
    EnumDescriptor decision = samplerType.findFieldByName("decision").getEnumType();
    DynamicMessage sampler = DynamicMessage.newBuilder(samplerType)
        .setField(samplerType.findFieldByName("decision"), decision.findValueByName("ALWAYS_PARENT")).build();
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    b.setField(d.findFieldByName("constant_sampler"), sampler);
    b.setField(d.findFieldByName("max_number_of_annotations"), annotations);
    b.setField(d.findFieldByName("max_number_of_attributes"), attributes);
    b.setField(d.findFieldByName("max_number_of_message_events"), messageEvents);
    b.setField(d.findFieldByName("max_number_of_links"), DEFAULT_LIMIT);
    return b.build();
  }


  /** Sets a field, leaving proto3 zero values unset as a generated message would. */
  private static void set(DynamicMessage.Builder b, String field, Object value) {
    if (Boolean.FALSE.equals(value) || "".equals(value)) {
      return;
    }
    b.setField(b.getDescriptorForType().findFieldByName(field), value);
  }

  private static Optional<io.envoyproxy.envoy.config.trace.v3.Tracing> http(String name, Message config) {
    return Optional.of(io.envoyproxy.envoy.config.trace.v3.Tracing.newBuilder()
        .setHttp(io.envoyproxy.envoy.config.trace.v3.Tracing.Http.newBuilder().setName(name)
            .setTypedConfig(Any.pack(config)))
        .build());
  }
}
