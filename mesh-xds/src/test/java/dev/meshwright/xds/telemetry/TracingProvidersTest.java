package dev.meshwright.xds.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.mesh.DatadogTracingProvider;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.HttpService;
import dev.meshwright.api.mesh.LightstepTracingProvider;
import dev.meshwright.api.mesh.OpenTelemetryTracingProvider;
import dev.meshwright.api.mesh.PrometheusMetricsProvider;
import dev.meshwright.api.mesh.SkyWalkingTracingProvider;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import io.envoyproxy.envoy.config.trace.v3.DatadogConfig;
import io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig;
import io.envoyproxy.envoy.config.trace.v3.SkyWalkingConfig;
import io.envoyproxy.envoy.extensions.tracers.opentelemetry.samplers.v3.DynatraceSamplerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TracingProvidersTest {
  private static final String HOST = "collector.obs.svc.corp.example";
  private static final MeshSnapshot SNAPSHOT = MeshFixture.snapshot(twoNamespaces());

  private static String twoNamespaces() {
    StringBuilder sb = new StringBuilder();
    for (String ns : new String[] {"obs", "obs2"}) {
      sb.append("---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: c, namespace: ")
          .append(ns).append("}\nspec:\n  hosts: [").append(ns.equals("obs") ? HOST : "shared.example")
          .append("]\n  location: MESH_INTERNAL\n  resolution: STATIC\n  ports: [{number: 8126, name: tcp, protocol: TCP}]\n")
          .append("  endpoints: [{address: 10.1.0.").append(ns.length()).append("}]\n");
    }
    sb.append("---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: s, namespace: obs}\n")
        .append("spec:\n  hosts: [shared.example]\n  location: MESH_INTERNAL\n  resolution: STATIC\n")
        .append("  ports: [{number: 8126, name: tcp, protocol: TCP}]\n  endpoints: [{address: 10.1.0.9}]\n");
    return sb.toString();
  }

  private static <T extends com.google.protobuf.Message> T config(TracingProviders.Tracer t, Class<T> type) {
    try {
      return t.tracing().getProvider().getTypedConfig().unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("Datadog names the node's service cluster; Lightstep is OpenTelemetry over gRPC with its token; SkyWalking spawns upstream spans")
  void providers() throws Exception {
    var dd = TracingProviders.of(ExtensionProvider.builder().name("dd").datadog(DatadogTracingProvider.builder()
        .service(HOST).port(8126).maxTagLength(64).build()).build(), SNAPSHOT, "cart.shop");
    assertThat(dd.tracing().getProvider().getName()).isEqualTo("envoy.tracers.datadog");
    assertThat(config(dd, DatadogConfig.class).getServiceName()).isEqualTo("cart.shop");
    assertThat(config(dd, DatadogConfig.class).getCollectorCluster()).isEqualTo("outbound|8126||" + HOST);
    assertThat(dd.tracing().getMaxPathTagLength().getValue()).isEqualTo(64);

    var ls = TracingProviders.of(ExtensionProvider.builder().name("ls").lightstep(LightstepTracingProvider.builder()
        .service("obs/" + HOST).port(8126).accessToken("tok").build()).build(), SNAPSHOT, "");
    OpenTelemetryConfig otel = config(ls, OpenTelemetryConfig.class);
    assertThat(otel.getGrpcService().getEnvoyGrpc().getAuthority()).isEqualTo(HOST);
    assertThat(otel.getGrpcService().getInitialMetadata(0).getKey()).isEqualTo("lightstep-access-token");
    assertThat(otel.getGrpcService().getInitialMetadata(0).getValue()).isEqualTo("tok");

    var sw = TracingProviders.of(ExtensionProvider.builder().name("sw").skywalking(SkyWalkingTracingProvider.builder()
        .service(HOST).port(8126).build()).build(), SNAPSHOT, "");
    assertThat(sw.tracing().getSpawnUpstreamSpan().getValue()).isTrue();
    assertThat(config(sw, SkyWalkingConfig.class).getGrpcService().getEnvoyGrpc().getClusterName())
        .isEqualTo("outbound|8126||" + HOST);
  }

  @Test
  @DisplayName("the Dynatrace sampler samples itself (the HCM then samples 100%) at hostname/api/v2/samplingConfiguration")
  void dynatraceSampler() throws Exception {
    var p = ExtensionProvider.builder().name("dt").opentelemetry(OpenTelemetryTracingProvider.builder().service(HOST)
        .port(8126).http(HttpService.builder().path("/api/v2/otlp/v1/traces").build())
        .dynatraceSampler(OpenTelemetryTracingProvider.DynatraceSampler.builder().tenant("t1").clusterId(7).build())
        .build()).build();
    var t = TracingProviders.of(p, SNAPSHOT, "svc.ns");
    assertThat(t.customSampler()).isTrue();
    OpenTelemetryConfig oc = config(t, OpenTelemetryConfig.class);
    assertThat(oc.getHttpService().getHttpUri().getUri()).isEqualTo(HOST + "/api/v2/otlp/v1/traces");
    assertThat(oc.getSampler().getName()).isEqualTo("envoy.tracers.opentelemetry.samplers.dynatrace");
    DynatraceSamplerConfig dsc = oc.getSampler().getTypedConfig().unpack(DynatraceSamplerConfig.class);
    assertThat(dsc.getTenant()).isEqualTo("t1");
    assertThat(dsc.getClusterId()).isEqualTo(7);
    assertThat(dsc.getHttpService().getHttpUri().getUri()).isEqualTo(HOST + "/api/v2/samplingConfiguration");
  }

  @Test
  @DisplayName("an OpenCensus agent at service:port with istiod's four trace contexts, or the ones named")
  void openCensus() throws Exception {
    var all = TracingProviders.of(ExtensionProvider.builder().name("oc").opencensus(
        dev.meshwright.api.mesh.OpenCensusAgentTracingProvider.builder().service("oc.obs").port(55678).build())
        .build(), SNAPSHOT, "");
    assertThat(all.tracing().getProvider().getName()).isEqualTo("envoy.tracers.opencensus");
    String json = dev.meshwright.xds.EnvoyTypes.get().print(all.tracing().getProvider());
    assertThat(json).contains("\"ocagentAddress\": \"oc.obs:55678\"").contains("\"ocagentExporterEnabled\": true")
        .contains("\"incomingTraceContext\": [\"B3\", \"CLOUD_TRACE_CONTEXT\", \"GRPC_TRACE_BIN\", \"TRACE_CONTEXT\"]");
    var w3c = TracingProviders.of(ExtensionProvider.builder().name("oc").opencensus(
        dev.meshwright.api.mesh.OpenCensusAgentTracingProvider.builder().service("oc.obs").port(1)
            .addContext(dev.meshwright.api.mesh.OpenCensusAgentTracingProvider.TraceContext.W3C_TRACE_CONTEXT)
            .build()).build(), SNAPSHOT, "");
    assertThat(dev.meshwright.xds.EnvoyTypes.get().print(w3c.tracing().getProvider()))
        .contains("\"outgoingTraceContext\": [\"TRACE_CONTEXT\"]");
  }

  @Test
  @DisplayName("a hostname in two namespaces, an unknown one, and a provider that does not trace are errors")
  void errors() throws Exception {
    assertThatThrownBy(() -> Providers.collector(SNAPSHOT, "shared.example", 8126))
        .hasMessageContaining("multiple namespaces [obs, obs2]");
    assertThat(Providers.collector(SNAPSHOT, "obs2/shared.example", 1).cluster()).isEqualTo("outbound|1||shared.example");
    assertThatThrownBy(() -> Providers.collector(SNAPSHOT, "nope.example", 1)).hasMessageContaining("could not find");
    assertThatThrownBy(() -> TracingProviders.of(ExtensionProvider.builder().name("prom")
        .prometheus(PrometheusMetricsProvider.builder().build()).build(), SNAPSHOT, ""))
        .hasMessageContaining("does not support tracing");
    assertThat(TracingProviders.join("h.example", "//a/b")).isEqualTo("h.example/a/b");
    assertThat(TracingProviders.join("h.example/", "")).isEqualTo("h.example");
  }
}
