package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.mesh.DefaultProviders;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.xds.EnvoyTypes;
import dev.meshwright.xds.IstioTypes;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Telemetry API's metrics in sidecar listeners: where {@code istio.stats} goes and what it carries. */
class TelemetryListenersTest {
  private static final String SUFFIX = InboundListenersTest.SUFFIX;
  private static final Descriptor PLUGIN = IstioTypes.STATS_FILE.findMessageTypeByName("PluginConfig");

  private static MeshConfig mesh(boolean prometheusByDefault) {
    MeshConfig.Builder b = MeshConfig.builder().from(Lds.mesh("mesh-root"));
    if (prometheusByDefault) {
      b.defaultProviders(DefaultProviders.builder().addMetrics("prometheus").build());
    }
    return b.build();
  }

  private static Map<String, Listener> listeners(String yaml, MeshConfig mesh) {
    ProxyContext ctx = Lds.ctx(Lds.snapshot(InboundListenersTest.WORKLOAD + yaml, mesh, SUFFIX), Lds.proxy(
        "sidecar~10.20.0.7~payments-0.pay~pay.svc." + SUFFIX, Map.of("LABELS", Map.of("app", "payments"))), SUFFIX);
    return Lds.listeners(ctx);
  }

  private static String telemetry(String ns, String name, String selector, String metrics) {
    return "\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: " + name + ", namespace: "
        + ns + "}\nspec:\n" + (selector.isEmpty() ? "" : "  selector: {matchLabels: {" + selector + "}}\n")
        + "  metrics:\n" + metrics;
  }

  private static List<String> httpFilters(FilterChain fc) {
    return Lds.hcm(fc).orElseThrow().getHttpFiltersList().stream().map(HttpFilter::getName).toList();
  }

  private static List<String> networkFilters(FilterChain fc) {
    return fc.getFiltersList().stream().map(Filter::getName).toList();
  }

  private static DynamicMessage stats(FilterChain fc) {
    HttpConnectionManager hcm = Lds.hcm(fc).orElseThrow();
    return hcm.getHttpFiltersList().stream().filter(f -> f.getName().equals(TelemetryFilters.STATS))
        .map(f -> parse(f.getTypedConfig())).findFirst().orElseThrow();
  }

  private static DynamicMessage parse(Any any) {
    assertThat(any.getTypeUrl()).isEqualTo("type.googleapis.com/stats.PluginConfig");
    try {
      return DynamicMessage.parseFrom(PLUGIN, any.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** Each MetricConfig as "name drop=<b> remove=[..] dims={..}". */
  private static List<String> metrics(DynamicMessage config) {
    return ((List<?>) config.getField(PLUGIN.findFieldByName("metrics"))).stream().map(o -> {
      DynamicMessage m = (DynamicMessage) o;
      Descriptor d = m.getDescriptorForType();
      Map<Object, Object> dims = ((List<?>) m.getField(d.findFieldByName("dimensions"))).stream()
          .map(e -> (com.google.protobuf.Message) e)
          .collect(Collectors.toMap(e -> e.getField(e.getDescriptorForType().findFieldByName("key")),
              e -> e.getField(e.getDescriptorForType().findFieldByName("value"))));
      return m.getField(d.findFieldByName("name")) + " drop=" + m.getField(d.findFieldByName("drop")) + " remove="
          + m.getField(d.findFieldByName("tags_to_remove")) + " dims=" + dims;
    }).toList();
  }

  private static String json(com.google.protobuf.Message m) {
    try {
      return EnvoyTypes.get().print(m);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean hostFallbackOff(DynamicMessage config) {
    return (Boolean) config.getField(PLUGIN.findFieldByName("disable_host_header_fallback"));
  }

  @Test
  @DisplayName("no Telemetry and no default metrics provider (istiod's built-in mesh config): no istio.stats anywhere")
  void noProviderNoFilter() {
    for (Listener l : listeners("", mesh(false)).values()) {
      assertThat(json(l)).doesNotContain("istio.stats");
    }
  }

  @Test
  @DisplayName("defaultProviders.metrics [prometheus]: istio.stats before the router on HTTP, before tcp_proxy on TCP")
  void defaultProvider() {
    Map<String, Listener> ls = listeners("", mesh(true));
    FilterChain outHttp = ls.get("0.0.0.0_8080").getFilterChains(0);
    assertThat(httpFilters(outHttp)).endsWith("envoy.filters.http.cors", "istio.stats", "envoy.filters.http.router");
    assertThat(hostFallbackOff(stats(outHttp))).isFalse();
    assertThat(metrics(stats(outHttp))).isEmpty();
    FilterChain outTcp = ls.get("10.30.0.1_5000").getFilterChains(0);
    assertThat(networkFilters(outTcp)).containsExactly("istio.stats", Listeners.TCP_PROXY);

    Listener vo = ls.get("virtualOutbound");
    for (FilterChain fc : vo.getFilterChainsList()) {
      assertThat(networkFilters(fc)).as(fc.getName()).containsExactly("istio.stats", Listeners.TCP_PROXY);
    }
    Listener vi = ls.get("virtualInbound");
    FilterChain inHttp = InboundListenersTest.chains(vi, "0.0.0.0_18080").get(0);
    assertThat(httpFilters(inHttp)).endsWith("envoy.filters.http.cors", "istio.stats", "envoy.filters.http.router");
    assertThat(hostFallbackOff(stats(inHttp))).isTrue();
    for (FilterChain fc : InboundListenersTest.chains(vi, "0.0.0.0_5000")) {
      assertThat(networkFilters(fc)).endsWith("istio.stats", Listeners.TCP_PROXY);
    }
    assertThat(networkFilters(InboundListenersTest.chains(vi, "virtualInbound-blackhole").get(0)))
        .containsExactly("istio.metadata_exchange", "istio.stats", Listeners.TCP_PROXY);
    assertThat(json(outHttp)).contains("\"@type\": \"type.googleapis.com/stats.PluginConfig\"");
  }

  @Test
  @DisplayName("a root-namespace Telemetry's overrides: CLIENT tag edits outbound only, a drop in both modes, reportingInterval")
  void overrides() {
    String yaml = telemetry("mesh-root", "mesh-default", "", """
          - providers: [{name: prometheus}]
            reportingInterval: 15s
            overrides:
            - match: {metric: REQUEST_COUNT, mode: CLIENT}
              tagOverrides:
                request_protocol: {operation: REMOVE}
                route: {value: "request.url_path"}
            - match: {metric: REQUEST_DURATION}
              disabled: true
            - match: {customMetric: my_counter, mode: SERVER}
              tagOverrides:
                team: {value: "'payments'"}
        """);
    Map<String, Listener> ls = listeners(yaml, mesh(false));
    DynamicMessage out = stats(ls.get("0.0.0.0_8080").getFilterChains(0));
    assertThat(metrics(out)).containsExactly(
        "requests_total drop=false remove=[request_protocol] dims={route=request.url_path}",
        "request_duration_milliseconds drop=true remove=[] dims={}");
    assertThat(((com.google.protobuf.Message) out.getField(PLUGIN.findFieldByName("tcp_reporting_duration")))
        .toString()).contains("seconds: 15");
    DynamicMessage in = stats(InboundListenersTest.chains(ls.get("virtualInbound"), "0.0.0.0_18080").get(0));
    assertThat(metrics(in)).containsExactly(
        "request_duration_milliseconds drop=true remove=[] dims={}",
        "my_counter drop=false remove=[] dims={team='payments'}");
  }

  @Test
  @DisplayName("a namespace Telemetry disabling all SERVER metrics drops the inbound filters; a workload one re-enables nothing it does not name")
  void disableServer() {
    String yaml = telemetry("mesh-root", "mesh-default", "", "  - providers: [{name: prometheus}]\n")
        + telemetry("pay", "quiet-server", "", """
          - overrides:
            - match: {mode: SERVER}
              disabled: true
        """);
    Map<String, Listener> ls = listeners(yaml, mesh(false));
    assertThat(httpFilters(ls.get("0.0.0.0_8080").getFilterChains(0))).contains("istio.stats");
    FilterChain inHttp = InboundListenersTest.chains(ls.get("virtualInbound"), "0.0.0.0_18080").get(0);
    assertThat(httpFilters(inHttp)).doesNotContain("istio.stats");
    assertThat(networkFilters(InboundListenersTest.chains(ls.get("virtualInbound"), "0.0.0.0_5000").get(0)))
        .doesNotContain("istio.stats");
  }

  @Test
  @DisplayName("a workload Telemetry switching providers to one the mesh does not define removes the filter; one on other labels does not apply")
  void workloadProviders() {
    String root = telemetry("mesh-root", "mesh-default", "", "  - providers: [{name: prometheus}]\n");
    String other = telemetry("pay", "other-app", "app: ledger", "  - providers: [{name: nowhere}]\n");
    assertThat(httpFilters(listeners(root + other, mesh(false)).get("0.0.0.0_8080").getFilterChains(0)))
        .contains("istio.stats");
    String mine = telemetry("pay", "payments", "app: payments", "  - providers: [{name: nowhere}]\n");
    assertThat(httpFilters(listeners(root + mine, mesh(false)).get("0.0.0.0_8080").getFilterChains(0)))
        .doesNotContain("istio.stats");
  }

  private static String logging(String ns, String name, String selector, String entries) {
    return "\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: " + name + ", namespace: "
        + ns + "}\nspec:\n" + (selector.isEmpty() ? "" : "  selector: {matchLabels: {" + selector + "}}\n")
        + "  accessLogging:\n" + entries;
  }

  private static MeshConfig withProviders(MeshConfig base) {
    return MeshConfig.builder().from(base).accessLogFile("/var/log/legacy.log")
        .addExtensionProvider(dev.meshwright.api.mesh.ExtensionProvider.builder().name("json-file")
            .envoyFileAccessLog(dev.meshwright.api.mesh.EnvoyFileAccessLogProvider.builder().path("/dev/json")
                .logFormat(dev.meshwright.api.mesh.EnvoyFileAccessLogProvider.AccessLogFormat.builder()
                    .putLabel("path", "%REQ_WITHOUT_QUERY(:PATH)%").putLabel("code", "%RESPONSE_CODE%").build())
                .build()).build())
        .build();
  }

  private static io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog file(
      io.envoyproxy.envoy.config.accesslog.v3.AccessLog al) {
    return Lds.unpack(al.getTypedConfig(), io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog.class);
  }

  @Test
  @DisplayName("Telemetry access logging replaces the mesh accessLogFile: built-in envoy provider to /dev/stdout, a JSON provider, a CEL filter")
  void accessLogging() {
    String yaml = logging("mesh-root", "mesh-default", "", "  - providers: [{name: envoy}]\n")
        + logging("pay", "payments", "app: payments", """
          - providers: [{name: json-file}]
            filter: {expression: "response.code >= 400"}
        """);
    Map<String, Listener> ls = listeners(yaml, withProviders(mesh(false)));
    HttpConnectionManager out = Lds.hcm(ls.get("0.0.0.0_8080").getFilterChains(0)).orElseThrow();
    assertThat(out.getAccessLogList()).singleElement().satisfies(al -> {
      assertThat(file(al).getPath()).isEqualTo("/dev/json");
      assertThat(file(al).getLogFormat().getJsonFormat().getFieldsMap()).containsOnlyKeys("path", "code");
      assertThat(file(al).getLogFormat().getFormattersList()).extracting(f -> f.getName())
          .containsExactly("envoy.formatter.req_without_query");
      assertThat(al.getFilter().getExtensionFilter().getName()).isEqualTo("envoy.access_loggers.extension_filters.cel");
    });
    // the virtualOutbound listener log: NR AND the CEL filter
    assertThat(ls.get("virtualOutbound").getAccessLogList()).singleElement().satisfies(al ->
        assertThat(al.getFilter().getAndFilter().getFiltersList()).hasSize(2));

    // a proxy the workload Telemetry does not select gets the root's built-in provider (mesh format, its path)
    String other = InboundListenersTest.WORKLOAD.replace("app: payments", "app: other");
    ProxyContext ctx = Lds.ctx(Lds.snapshot(other + yaml, withProviders(mesh(false)), SUFFIX), Lds.proxy(
        "sidecar~10.20.0.8~other-0.pay~pay.svc." + SUFFIX, Map.of("LABELS", Map.of("app", "other"))), SUFFIX);
    HttpConnectionManager hcm = Lds.hcm(Lds.listeners(ctx).get("0.0.0.0_8080").getFilterChains(0)).orElseThrow();
    assertThat(hcm.getAccessLogList()).singleElement().satisfies(al -> {
      assertThat(file(al).getPath()).isEqualTo("/dev/stdout");
      assertThat(file(al).getLogFormat().getTextFormatSource().getInlineString()).startsWith("[%START_TIME%]");
      assertThat(al.hasFilter()).isFalse();
    });
  }

  @Test
  @DisplayName("logging disabled for SERVER keeps CLIENT logs; an unknown provider falls back to the mesh accessLogFile")
  void accessLoggingModes() {
    String yaml = logging("mesh-root", "mesh-default", "", """
          - providers: [{name: envoy}]
          - match: {mode: SERVER}
            disabled: true
        """);
    Map<String, Listener> ls = listeners(yaml, withProviders(mesh(false)));
    assertThat(Lds.hcm(ls.get("0.0.0.0_8080").getFilterChains(0)).orElseThrow().getAccessLogCount()).isOne();
    FilterChain inHttp = InboundListenersTest.chains(ls.get("virtualInbound"), "0.0.0.0_18080").get(0);
    assertThat(Lds.hcm(inHttp).orElseThrow().getAccessLogList()).isEmpty();
    assertThat(ls.get("virtualInbound").getAccessLogList()).isEmpty();

    Map<String, Listener> unknown = listeners(logging("mesh-root", "m", "", "  - providers: [{name: nowhere}]\n"),
        withProviders(mesh(false)));
    assertThat(Lds.hcm(unknown.get("0.0.0.0_8080").getFilterChains(0)).orElseThrow().getAccessLogList())
        .singleElement().satisfies(al -> assertThat(file(al).getPath()).isEqualTo("/var/log/legacy.log"));
  }

  private static final String COLLECTORS = """
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: collectors, namespace: observability}
      spec:
        hosts: [tracing.observability.svc.corp.example]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 9411, name: http-zipkin, protocol: HTTP}, {number: 4317, name: grpc-otlp, protocol: GRPC}]
        endpoints: [{address: 10.40.0.1}]
      """;

  private static MeshConfig tracers() {
    return MeshConfig.builder().from(mesh(false))
        .addExtensionProvider(dev.meshwright.api.mesh.ExtensionProvider.builder().name("zipkin")
            .zipkin(dev.meshwright.api.mesh.ZipkinTracingProvider.builder()
                .service("tracing.observability.svc.corp.example").port(9411).build()).build())
        .addExtensionProvider(dev.meshwright.api.mesh.ExtensionProvider.builder().name("otel-http")
            .opentelemetry(dev.meshwright.api.mesh.OpenTelemetryTracingProvider.builder()
                .service("observability/tracing.observability.svc.corp.example").port(4317).maxTagLength(99)
                .http(dev.meshwright.api.mesh.HttpService.builder().path("/v1/traces")
                    .timeout(java.time.Duration.ofSeconds(3)).build())
                .build()).build())
        .addExtensionProvider(dev.meshwright.api.mesh.ExtensionProvider.builder().name("nowhere")
            .zipkin(dev.meshwright.api.mesh.ZipkinTracingProvider.builder().service("missing.example").port(1).build())
            .build())
        .build();
  }

  private static String tracing(String ns, String name, String entries) {
    return "\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: " + name + ", namespace: "
        + ns + "}\nspec:\n  tracing:\n" + entries;
  }

  private static io.envoyproxy.envoy.config.trace.v3.ZipkinConfig zipkin(HttpConnectionManager hcm) {
    assertThat(hcm.getTracing().getProvider().getName()).isEqualTo("envoy.tracers.zipkin");
    return Lds.unpack(hcm.getTracing().getProvider().getTypedConfig(),
        io.envoyproxy.envoy.config.trace.v3.ZipkinConfig.class);
  }

  @Test
  @DisplayName("Telemetry tracing: a Zipkin provider on its service's cluster, the Telemetry's sampling and tags; SERVER spans off")
  void tracingZipkin() {
    String yaml = COLLECTORS + tracing("mesh-root", "mesh-default", """
          - providers: [{name: zipkin}]
            randomSamplingPercentage: 25
            customTags: {team: {literal: {value: pay}}}
          - match: {mode: SERVER}
            disableSpanReporting: true
        """);
    Map<String, Listener> ls = listeners(yaml, tracers());
    HttpConnectionManager out = Lds.hcm(ls.get("0.0.0.0_8080").getFilterChains(0)).orElseThrow();
    var z = zipkin(out);
    assertThat(z.getCollectorCluster()).isEqualTo("outbound|9411||tracing.observability.svc.corp.example");
    assertThat(z.getCollectorHostname()).isEqualTo("tracing.observability.svc.corp.example");
    assertThat(z.getCollectorEndpoint()).isEqualTo("/api/v2/spans");
    assertThat(z.getTraceId128Bit()).isTrue();
    assertThat(z.getSharedSpanContext().getValue()).isFalse();
    assertThat(out.getTracing().getRandomSampling().getValue()).isEqualTo(25.0);
    assertThat(out.getTracing().getCustomTagsList()).extracting(t -> t.getTag()).contains("team", "istio.mesh_id")
        .isSorted();
    FilterChain inHttp = InboundListenersTest.chains(ls.get("virtualInbound"), "0.0.0.0_18080").get(0);
    assertThat(Lds.hcm(inHttp).orElseThrow().hasTracing()).isFalse();
  }

  @Test
  @DisplayName("OpenTelemetry over HTTP: hostname/path on the cluster, the node's service cluster as service name, max tag length; request-ID sampling off")
  void tracingOpenTelemetry() {
    String yaml = COLLECTORS + tracing("pay", "otel", """
          - providers: [{name: otel-http}]
            useRequestIdForTraceSampling: false
        """);
    ProxyContext ctx = Lds.ctx(Lds.snapshot(InboundListenersTest.WORKLOAD + yaml, tracers(), SUFFIX), Lds.proxy(
        "sidecar~10.20.0.7~payments-0.pay~pay.svc." + SUFFIX, Map.of("LABELS", Map.of("app", "payments")))
        .withServiceCluster("payments.pay"), SUFFIX);
    HttpConnectionManager out = Lds.hcm(Lds.listeners(ctx).get("0.0.0.0_8080").getFilterChains(0)).orElseThrow();
    assertThat(out.getTracing().getProvider().getName()).isEqualTo("envoy.tracers.opentelemetry");
    var otel = Lds.unpack(out.getTracing().getProvider().getTypedConfig(),
        io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig.class);
    assertThat(otel.getServiceName()).isEqualTo("payments.pay");
    assertThat(otel.getHttpService().getHttpUri().getUri()).isEqualTo("tracing.observability.svc.corp.example/v1/traces");
    assertThat(otel.getHttpService().getHttpUri().getCluster())
        .isEqualTo("outbound|4317||tracing.observability.svc.corp.example");
    assertThat(otel.getHttpService().getHttpUri().getTimeout().getSeconds()).isEqualTo(3);
    assertThat(out.getTracing().getMaxPathTagLength().getValue()).isEqualTo(99);
    assertThat(out.getTracing().getRandomSampling().getValue()).isEqualTo(1.0);
    var uuid = Lds.unpack(out.getRequestIdExtension().getTypedConfig(),
        io.envoyproxy.envoy.extensions.request_id.uuid.v3.UuidRequestIdConfig.class);
    assertThat(uuid.getUseRequestIdForTraceSampling().getValue()).isFalse();
    assertThat(json(out)).contains("\"@type\": \"type.googleapis.com/envoy.config.trace.v3.OpenTelemetryConfig\"");
  }

  @Test
  @DisplayName("a tracing provider whose service is not in the registry gets no tracing; without Telemetry the legacy mesh tracing stays")
  void tracingFallbacks() {
    Map<String, Listener> broken = listeners(COLLECTORS + tracing("mesh-root", "t", "  - providers: [{name: nowhere}]\n"),
        tracers());
    assertThat(Lds.hcm(broken.get("0.0.0.0_8080").getFilterChains(0)).orElseThrow().hasTracing()).isFalse();
    Map<String, Listener> legacy = listeners(COLLECTORS, tracers());
    HttpConnectionManager hcm = Lds.hcm(legacy.get("0.0.0.0_8080").getFilterChains(0)).orElseThrow();
    assertThat(hcm.getTracing().hasProvider()).isFalse();
    assertThat(hcm.getTracing().getRandomSampling().getValue()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("log-service providers: OpenTelemetry (Istio's text body, sorted attributes) and Envoy's HTTP gRPC service on the collector's cluster")
  void logServices() throws Exception {
    MeshConfig mesh = MeshConfig.builder().from(mesh(false))
        .addExtensionProvider(dev.meshwright.api.mesh.ExtensionProvider.builder().name("otel-logs")
            .envoyOtelAls(dev.meshwright.api.mesh.EnvoyOpenTelemetryLogProvider.builder()
                .service("tracing.observability.svc.corp.example").port(4317)
                .logFormat(dev.meshwright.api.mesh.EnvoyOpenTelemetryLogProvider.OtelLogFormat.builder()
                    .putLabel("z", "%RESPONSE_CODE%").putLabel("a", "%REQ(:PATH)%").build()).build()).build())
        .addExtensionProvider(dev.meshwright.api.mesh.ExtensionProvider.builder().name("als")
            .envoyHttpAls(dev.meshwright.api.mesh.EnvoyHttpGrpcV3LogProvider.builder()
                .service("tracing.observability.svc.corp.example").port(9411).addAdditionalRequestHeadersToLog("x-a")
                .build()).build())
        .build();
    String yaml = COLLECTORS + logging("mesh-root", "logs", "", "  - providers: [{name: otel-logs}, {name: als}]\n");
    HttpConnectionManager out = Lds.hcm(listeners(yaml, mesh).get("0.0.0.0_8080").getFilterChains(0)).orElseThrow();
    assertThat(out.getAccessLogList()).extracting(a -> a.getName())
        .containsExactly("envoy.access_loggers.http_grpc", "envoy.access_loggers.open_telemetry");
    var als = Lds.unpack(out.getAccessLog(0).getTypedConfig(),
        io.envoyproxy.envoy.extensions.access_loggers.grpc.v3.HttpGrpcAccessLogConfig.class);
    assertThat(als.getCommonConfig().getLogName()).isEqualTo("http_envoy_accesslog");
    assertThat(als.getCommonConfig().getGrpcService().getEnvoyGrpc().getClusterName())
        .isEqualTo("outbound|9411||tracing.observability.svc.corp.example");
    assertThat(als.getCommonConfig().getFilterStateObjectsToLogList()).contains("wasm.upstream_peer");
    assertThat(als.getAdditionalRequestHeadersToLogList()).containsExactly("x-a");
    var otel = Lds.unpack(out.getAccessLog(1).getTypedConfig(),
        io.envoyproxy.envoy.extensions.access_loggers.open_telemetry.v3.OpenTelemetryAccessLogConfig.class);
    assertThat(otel.getBody().getStringValue()).startsWith("[%START_TIME%]");
    assertThat(otel.getAttributes().getValuesList()).extracting(kv -> kv.getKey()).containsExactly("a", "z");
    assertThat(otel.getDisableBuiltinLabels()).isTrue();
    assertThat(json(out)).contains("OpenTelemetryAccessLogConfig");
  }
}
