package dev.meshwright.xds.telemetry;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.HttpService;
import dev.meshwright.api.mesh.OpenTelemetryTracingProvider;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.OpenCensusTypes;
import dev.meshwright.xds.cluster.Clusters;
import dev.meshwright.xds.telemetry.Providers.Collector;
import dev.meshwright.xds.telemetry.Providers.ProviderException;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.trace.v3.DatadogConfig;
import io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig;
import io.envoyproxy.envoy.config.trace.v3.SkyWalkingConfig;
import io.envoyproxy.envoy.config.trace.v3.ZipkinConfig;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.tracers.opentelemetry.resource_detectors.v3.DynatraceResourceDetectorConfig;
import io.envoyproxy.envoy.extensions.tracers.opentelemetry.resource_detectors.v3.EnvironmentResourceDetectorConfig;
import io.envoyproxy.envoy.extensions.tracers.opentelemetry.samplers.v3.DynatraceSamplerConfig;
import java.util.List;

/**
 * The tracer of a connection manager for one tracing extension provider, as istiod 1.22's
 * {@code configureFromProviderConfig} builds it: Zipkin ({@code /api/v2/spans}, HTTP JSON, 128-bit trace IDs unless
 * {@code enable64bitTraceId}), Datadog, Lightstep (as OpenTelemetry over gRPC with its access token), SkyWalking
 * (spawning upstream spans) and OpenTelemetry (gRPC, or HTTP at {@code hostname/path}; resource detectors; the
 * Dynatrace sampler), each sending to the {@code outbound|port||host} cluster of its service, and the OpenCensus
 * agent (at {@code service:port}, as istiod writes it). Stackdriver tracing, which needs the proxy's GCP project,
 * is not generated (it fails, as a provider that does not trace does). Stateless.
 */
final class TracingProviders {
  private TracingProviders() {}

  static final String ZIPKIN = "envoy.tracers.zipkin";
  static final String DATADOG = "envoy.tracers.datadog";
  static final String OPENTELEMETRY = "envoy.tracers.opentelemetry";
  static final String SKYWALKING = "envoy.tracers.skywalking";
  static final String OPENCENSUS = "envoy.tracers.opencensus";
  /** istiod's trace contexts for an OpenCensus agent that names none. */
  private static final List<String> OPENCENSUS_CONTEXTS = List.of("B3", "CLOUD_TRACE_CONTEXT", "GRPC_TRACE_BIN",
      "TRACE_CONTEXT");

  /**
   * A provider's tracer.
   *
   * @param tracing the connection manager's tracing with the provider (and max path tag length) set
   * @param customSampler whether the provider samples itself (the connection manager then samples 100%)
   */
  record Tracer(HttpConnectionManager.Tracing.Builder tracing, boolean customSampler) {}

  /** The tracer of {@code p} for a proxy whose Envoy node cluster is {@code serviceCluster}. */
  static Tracer of(ExtensionProvider p, MeshSnapshot snapshot, String serviceCluster) throws ProviderException {
    if (p.zipkin().isPresent()) {
      var z = p.zipkin().get();
      Collector c = Providers.collector(snapshot, z.service().orElse(""), z.port().orElse(0));
      return tracer(ZIPKIN, false, z.maxTagLength().orElse(0), ZipkinConfig.newBuilder()
          .setCollectorCluster(c.cluster()).setCollectorEndpoint("/api/v2/spans")
          .setCollectorEndpointVersion(ZipkinConfig.CollectorEndpointVersion.HTTP_JSON)
          .setCollectorHostname(c.hostname()).setTraceId128Bit(!z.enable64bitTraceId().orElse(false))
          .setSharedSpanContext(BoolValue.of(false)).build(), false);
    }
    if (p.datadog().isPresent()) {
      var d = p.datadog().get();
      Collector c = Providers.collector(snapshot, d.service().orElse(""), d.port().orElse(0));
      return tracer(DATADOG, false, d.maxTagLength().orElse(0), DatadogConfig.newBuilder()
          .setCollectorCluster(c.cluster()).setServiceName(serviceCluster).setCollectorHostname(c.hostname()).build(),
          false);
    }
    if (p.lightstep().isPresent()) {
      var l = p.lightstep().get();
      Collector c = Providers.collector(snapshot, l.service().orElse(""), l.port().orElse(0));
      return tracer(OPENTELEMETRY, false, l.maxTagLength().orElse(0), OpenTelemetryConfig.newBuilder()
          .setGrpcService(c.grpcService().toBuilder().addInitialMetadata(HeaderValue.newBuilder()
              .setKey("lightstep-access-token").setValue(l.accessToken().orElse("")))).build(), false);
    }
    if (p.skywalking().isPresent()) {
      var s = p.skywalking().get();
      Collector c = Providers.collector(snapshot, s.service().orElse(""), s.port().orElse(0));
      return tracer(SKYWALKING, true, 0, SkyWalkingConfig.newBuilder().setGrpcService(c.grpcService()).build(), false);
    }
    if (p.opentelemetry().isPresent()) {
      return openTelemetry(p.opentelemetry().get(), snapshot, serviceCluster);
    }
    if (p.opencensus().isPresent()) {
      var o = p.opencensus().get();
      DynamicMessage.Builder oc = DynamicMessage.newBuilder(OpenCensusTypes.openCensusConfig());
      Descriptor d = oc.getDescriptorForType();
      oc.setField(d.findFieldByName("ocagent_address"), o.service().orElse("") + ":" + o.port().orElse(0));
      oc.setField(d.findFieldByName("ocagent_exporter_enabled"), true);
      OpenCensusTypes.addContexts(oc, OpenCensusTypes.contextNames(o.context(), OPENCENSUS_CONTEXTS));
      return tracer(OPENCENSUS, false, o.maxTagLength().orElse(0), oc.build(), false);
    }
    throw new ProviderException("provider " + p.name().orElse("") + " does not support tracing here");
  }

  private static Tracer openTelemetry(OpenTelemetryTracingProvider o, MeshSnapshot snapshot, String serviceCluster)
      throws ProviderException {
    Collector c = Providers.collector(snapshot, o.service().orElse(""), o.port().orElse(0));
    OpenTelemetryConfig.Builder oc = OpenTelemetryConfig.newBuilder().setServiceName(serviceCluster);
    if (o.http().isEmpty()) {
      oc.setGrpcService(c.grpcService());
    } else {
      oc.setHttpService(http(join(c.hostname(), o.http().get().path().orElse("")), c.cluster(), o.http().get()));
    }
    o.resourceDetectors().ifPresent(rd -> {
      if (rd.environment().isPresent()) {
        oc.addResourceDetectors(extension("envoy.tracers.opentelemetry.resource_detectors.environment",
            EnvironmentResourceDetectorConfig.getDefaultInstance()));
      }
      if (rd.dynatrace().isPresent()) {
        oc.addResourceDetectors(extension("envoy.tracers.opentelemetry.resource_detectors.dynatrace",
            DynatraceResourceDetectorConfig.getDefaultInstance()));
      }
    });
    boolean sampler = o.dynatraceSampler().isPresent();
    if (sampler) {
      var ds = o.dynatraceSampler().get();
      DynatraceSamplerConfig.Builder dsc = DynatraceSamplerConfig.newBuilder().setTenant(ds.tenant().orElse(""))
          .setClusterId(ds.clusterId().orElse(0)).setRootSpansPerMinute(ds.rootSpansPerMinute().orElse(0));
      if (ds.httpService().isEmpty()) {
        HttpService otlp = o.http().orElseThrow(() -> new ProviderException("dynatrace sampler could not get http "
            + "settings. considering setting the http_service field on the dynatrace sampler"));
        dsc.setHttpService(http(join(c.hostname(), "api/v2/samplingConfiguration"), c.cluster(), otlp));
      } else {
        var api = ds.httpService().get();
        Collector dt = Providers.collector(snapshot, api.service().orElse(""), api.port().orElse(0));
        HttpService h = api.http().orElse(HttpService.builder().build());
        dsc.setHttpService(http(join(dt.hostname(), h.path().orElse("")), dt.cluster(), h));
      }
      oc.setSampler(extension("envoy.tracers.opentelemetry.samplers.dynatrace", dsc.build()));
    }
    return tracer(OPENTELEMETRY, false, o.maxTagLength().orElse(0), oc.build(), sampler);
  }

  private static Tracer tracer(String name, boolean spawnUpstreamSpan, int maxTagLength, Message config,
      boolean customSampler) {
    HttpConnectionManager.Tracing.Builder t = HttpConnectionManager.Tracing.newBuilder();
    if (spawnUpstreamSpan) {
      t.setSpawnUpstreamSpan(BoolValue.of(true));
    }
    t.setProvider(io.envoyproxy.envoy.config.trace.v3.Tracing.Http.newBuilder().setName(name)
        .setTypedConfig(Any.pack(config)));
    if (maxTagLength != 0) {
      t.setMaxPathTagLength(UInt32Value.of(maxTagLength));
    }
    return new Tracer(t, customSampler);
  }

  /** An HTTP service at {@code uriValue} through {@code cluster}, with the timeout and headers (overwritten) of s. */
  private static io.envoyproxy.envoy.config.core.v3.HttpService http(String uriValue, String cluster, HttpService s) {
    HttpUri.Builder uri = HttpUri.newBuilder().setUri(uriValue).setCluster(cluster);
    s.timeout().ifPresent(d -> uri.setTimeout(Clusters.duration(d)));
    io.envoyproxy.envoy.config.core.v3.HttpService.Builder out =
        io.envoyproxy.envoy.config.core.v3.HttpService.newBuilder().setHttpUri(uri);
    for (HttpService.HttpHeader h : s.headers()) {
      out.addRequestHeadersToAdd(HeaderValueOption.newBuilder()
          .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD)
          .setHeader(HeaderValue.newBuilder().setKey(h.name().orElse("")).setValue(h.value().orElse(""))));
    }
    return out.build();
  }

  /** Go's {@code url.JoinPath} for a scheme-less host and one path: {@code host/path}, slashes collapsed. */
  static String join(String host, String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    String base = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    return p.isEmpty() ? base : base + "/" + p;
  }

  private static TypedExtensionConfig extension(String name, Message config) {
    return TypedExtensionConfig.newBuilder().setName(name).setTypedConfig(Any.pack(config)).build();
  }
}
