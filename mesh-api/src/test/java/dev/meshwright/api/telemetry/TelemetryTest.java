package dev.meshwright.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.telemetry.MetricsOverrides.TagOverride;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelemetryTest {
  private static Telemetry telemetry(TelemetrySpec spec) {
    return Telemetry.builder().metadata(ObjectMeta.of("mesh-default", "istio-system")).spec(spec).build();
  }

  private static List<String> findings(Telemetry t) {
    return MeshValidator.create().validate(t).stream()
        .map(d -> (d.isError() ? "E " : "W ") + d.path() + ": " + d.message()).toList();
  }

  @Test
  @DisplayName("tracing, metrics and access logging round-trip; custom tags are a oneof")
  void roundTrip() {
    Telemetry t = telemetry(TelemetrySpec.builder()
        .addTracing(Tracing.builder()
            .match(Tracing.TracingSelector.of(WorkloadMode.SERVER))
            .addProvider(ProviderRef.of("zipkin"))
            .randomSamplingPercentage(12.5)
            .putCustomTag("cluster", CustomTag.environment(
                Tracing.Environment.builder().name("CLUSTER").defaultValue("unknown").build()))
            .putCustomTag("team", CustomTag.literal("payments"))
            .build())
        .addMetric(Metrics.builder()
            .addProvider(ProviderRef.of("prometheus"))
            .reportingInterval(Duration.ofSeconds(15))
            .addOverride(MetricsOverrides.builder()
                .match(MetricSelector.builder().metric(MetricSelector.IstioMetric.REQUEST_COUNT).build())
                .putTagOverride("request_host", TagOverride.upsert("request.host"))
                .putTagOverride("destination_port", TagOverride.remove())
                .build())
            .build())
        .addAccessLogging(AccessLogging.builder()
            .addProvider(ProviderRef.of("envoy"))
            .filter(AccessLogging.Filter.of("response.code >= 400 || request.headers['x-debug'] == \"1\""))
            .build())
        .build());
    String yaml = MeshYaml.standard().writeYaml(t);
    assertThat(yaml).startsWith("apiVersion: telemetry.istio.io/v1\n")
        .contains("environment:", "literal:", "reportingInterval: 15s", "metric: REQUEST_COUNT");
    ReadResult back = MeshYaml.read("t.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(t);
    assertThat(findings(t)).isEmpty();
  }

  @Test
  @DisplayName("tag overrides, sampling, providers and CEL filters are checked with their paths")
  void messages() {
    Telemetry t = telemetry(TelemetrySpec.builder()
        .addTracing(Tracing.builder().randomSamplingPercentage(-1.0)
            .addProvider(ProviderRef.of("a")).addProvider(ProviderRef.builder().build())
            .putCustomTag("empty", CustomTag.literal(""))
            .build())
        .addMetric(Metrics.builder().addOverride(MetricsOverrides.builder()
            .putTagOverride("x", TagOverride.builder().build())
            .build()).build())
        .addAccessLogging(AccessLogging.builder().filter(AccessLogging.Filter.of("response.code >=")).build())
        .build());
    assertThat(findings(t)).containsExactly(
        "E spec.metrics[0].overrides[0].tagOverrides[x].value: tagOverrides.value must be set when operation is UPSERT",
        "W spec.tracing[0].providers: multiple providers is not currently supported",
        "E spec.tracing[0].providers[1].name: providers.name may not be empty",
        "E spec.tracing[0].randomSamplingPercentage: randomSamplingPercentage must be in range [0.0, 100.0]",
        "E spec.tracing[0].customTags[empty].literal.value: literal tag value may not be empty",
        "E spec.accessLogging[0].filter.expression: must be a valid CEL expression, ERROR: <input>: Syntax error: "
            + "mismatched input '<EOF>' expecting an expression");
  }

  @Test
  @DisplayName("the CEL check accepts the usual filter shapes")
  void celShapes() {
    assertThat(CelSyntax.check("response.code >= 400")).isEmpty();
    assertThat(CelSyntax.check("!has(request.headers.x) && size(xds.cluster_name) > 0 ? 'a' : \"b\"")).isEmpty();
    assertThat(CelSyntax.check("request.url_path.startsWith('/api') && connection.mtls in [true, false]")).isEmpty();
    assertThat(CelSyntax.check("{'a': 1}['a'] == 1 && -x < 2.5e3")).isEmpty();
    assertThat(CelSyntax.check("")).isPresent();
    assertThat(CelSyntax.check("(a")).isPresent();
    assertThat(CelSyntax.check("a b")).isPresent();
    assertThat(CelSyntax.check("a # b")).isPresent();
  }
}
