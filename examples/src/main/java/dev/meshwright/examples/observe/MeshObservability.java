package dev.meshwright.examples.observe;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.Severity;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ZipkinTracingProvider;
import dev.meshwright.api.telemetry.AccessLogging;
import dev.meshwright.api.telemetry.MetricSelector;
import dev.meshwright.api.telemetry.Metrics;
import dev.meshwright.api.telemetry.MetricsOverrides;
import dev.meshwright.api.telemetry.ProviderRef;
import dev.meshwright.api.telemetry.Telemetry;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.api.telemetry.Tracing;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.EnvoyTypes;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Observability in code: one mesh-wide Telemetry resource, built with mesh-api's typed builders, that turns on
 * Istio's Prometheus metrics (dropping the {@code request_protocol} tag from {@code requests_total}), access logs
 * of failed requests to the built-in {@code envoy} provider, and Zipkin tracing of 10% of requests; the mesh config
 * names the Zipkin collector. The example validates the Telemetry with Istio 1.22's rules, builds the mesh snapshot
 * with a small registry, generates the listeners one sidecar would receive (mesh-xds, as istiod 1.22.8 would send
 * them) and prints what the Telemetry put into its outbound HTTP connection manager: the {@code istio.stats} filter
 * and its config, the access log and the tracer.
 *
 * <p>Run it with {@code bin/example observe}.
 */
public final class MeshObservability {
  /** The mesh's root namespace, where mesh-wide Telemetry lives. */
  public static final String ROOT = "istio-system";
  /** The sidecar whose configuration is shown. */
  public static final String NODE = "sidecar~10.1.0.7~productpage-v1-7f8d.shop~shop.svc.cluster.local";

  private MeshObservability() {}

  /**
   * What {@link #run} found.
   *
   * @param problems the Telemetry's validation findings
   * @param httpFilters the outbound connection manager's HTTP filters, in order
   * @param statsConfig the {@code istio.stats} filter's config as proto3 JSON
   * @param accessLogs the connection manager's access logs as proto3 JSON
   * @param tracing its tracing as proto3 JSON
   */
  public record Outcome(List<Diagnostic> problems, List<String> httpFilters, String statsConfig, String accessLogs,
      String tracing) {}

  /** The mesh-wide Telemetry. */
  public static Telemetry telemetry() {
    return Telemetry.builder()
        .metadata(ObjectMeta.of("mesh-default", ROOT))
        .spec(TelemetrySpec.builder()
            .addMetric(Metrics.builder()
                .addProviders(ProviderRef.of("prometheus"))
                .addOverrides(MetricsOverrides.builder()
                    .match(MetricSelector.builder().metric(MetricSelector.IstioMetric.REQUEST_COUNT).build())
                    .putTagOverride("request_protocol", MetricsOverrides.TagOverride.remove())
                    .build())
                .build())
            .addAccessLogging(AccessLogging.builder()
                .addProviders(ProviderRef.of("envoy"))
                .filter(AccessLogging.Filter.of("response.code >= 400"))
                .build())
            .addTracing(Tracing.builder()
                .addProviders(ProviderRef.of("zipkin"))
                .randomSamplingPercentage(10.0)
                .build())
            .build())
        .build();
  }

  /** Istio's defaults plus the Zipkin collector as an extension provider. */
  public static MeshConfig meshConfig() {
    return MeshConfig.builder().from(MeshConfigs.defaults())
        .addExtensionProvider(ExtensionProvider.builder().name("zipkin")
            .zipkin(ZipkinTracingProvider.builder().service("zipkin.istio-system.svc.cluster.local").port(9411)
                .build())
            .build())
        .build();
  }

  /** The registry: the sidecar's own service and the Zipkin collector, as ServiceEntries. */
  public static List<MeshResource> registry() {
    return MeshYaml.read("registry.yaml", """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: productpage, namespace: shop}
        spec:
          hosts: [productpage.shop.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 9080, name: http, protocol: HTTP}]
          endpoints: [{address: 10.1.0.7, labels: {app: productpage}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: zipkin, namespace: istio-system}
        spec:
          hosts: [zipkin.istio-system.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 9411, name: http, protocol: HTTP}]
          endpoints: [{address: 10.2.0.9}]
        """).resources();
  }

  /** Validates {@code telemetry}, generates the sidecar's listeners and prints what the Telemetry configured. */
  public static Outcome run(Telemetry telemetry, MeshConfig mesh, PrintStream out)
      throws InvalidProtocolBufferException {
    List<Diagnostic> problems = MeshValidator.create().validate(telemetry);
    problems.forEach(d -> out.println("validation: " + d));
    if (problems.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
      return new Outcome(problems, List.of(), "", "", "");
    }
    List<MeshResource> config = new ArrayList<>(registry());
    config.add(telemetry);
    MeshSnapshot snapshot = MeshTranslator.create().translate(ConfigView.of(config), mesh);
    Proxy proxy = NodeIds.parse(NODE, Map.of("LABELS", Map.of("app", "productpage"))).orThrow();
    XdsResources xds = Istiod.generator(XdsOptions.defaults()).generate(snapshot, proxy);
    Listener listener = (Listener) xds.of(TypeUrls.LISTENER).get("0.0.0.0_9080").message();
    HttpConnectionManager hcm = null;
    for (Filter f : listener.getFilterChains(0).getFiltersList()) {
      if (f.getTypedConfig().is(HttpConnectionManager.class)) {
        hcm = f.getTypedConfig().unpack(HttpConnectionManager.class);
      }
    }
    if (hcm == null) {
      throw new IllegalStateException("listener 0.0.0.0_9080 has no HTTP connection manager");
    }
    List<String> filters = hcm.getHttpFiltersList().stream().map(HttpFilter::getName).toList();
    String stats = "";
    for (HttpFilter f : hcm.getHttpFiltersList()) {
      if (f.getName().equals("istio.stats")) {
        stats = EnvoyTypes.get().print(f.getTypedConfig());
      }
    }
    StringBuilder logs = new StringBuilder();
    for (var al : hcm.getAccessLogList()) {
      logs.append(EnvoyTypes.get().print(al)).append('\n');
    }
    String tracing = EnvoyTypes.get().print(hcm.getTracing());
    out.println("HTTP filters of listener 0.0.0.0_9080: " + String.join(", ", filters));
    out.println("istio.stats config:\n" + stats);
    out.println("access logs:\n" + logs);
    out.println("tracing:\n" + tracing);
    return new Outcome(problems, filters, stats, logs.toString(), tracing);
  }

  /** Runs the example on the console. */
  public static void main(String[] args) throws InvalidProtocolBufferException {
    run(telemetry(), meshConfig(), System.out);
  }
}
