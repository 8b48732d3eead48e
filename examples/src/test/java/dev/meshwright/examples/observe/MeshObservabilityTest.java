package dev.meshwright.examples.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.telemetry.Telemetry;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshObservabilityTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  @DisplayName("the Telemetry gives the sidecar istio.stats before the router, a filtered access log and a 10% Zipkin tracer")
  void configuresTheSidecar() throws Exception {
    MeshObservability.Outcome o = MeshObservability.run(MeshObservability.telemetry(), MeshObservability.meshConfig(),
        out);
    assertThat(o.problems()).isEmpty();
    assertThat(o.httpFilters()).endsWith("istio.stats", "envoy.filters.http.router");
    assertThat(o.statsConfig()).contains("\"name\": \"requests_total\"").contains("\"tagsToRemove\": [\"request_protocol\"]");
    assertThat(o.accessLogs()).contains("\"path\": \"/dev/stdout\"").contains("extension_filters.cel")
        .contains("response.code \\u003e\\u003d 400"); // proto3 JSON escapes > and =
    assertThat(o.tracing()).contains("envoy.tracers.zipkin")
        .contains("outbound|9411||zipkin.istio-system.svc.cluster.local").contains("\"value\": 10.0");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("HTTP filters of listener 0.0.0.0_9080");
  }

  @Test
  @DisplayName("a Telemetry with both a selector and a targetRef is rejected by Istio's rules, and nothing is generated")
  void invalidTelemetry() throws Exception {
    Telemetry bad = Telemetry.builder().metadata(ObjectMeta.of("bad", MeshObservability.ROOT))
        .spec(TelemetrySpec.builder().from(MeshObservability.telemetry().spec())
            .selector(WorkloadSelector.builder().putMatchLabel("app", "x").build())
            .targetRef(PolicyTargetReference.builder().group("gateway.networking.k8s.io").kind("Gateway").name("g")
                .build())
            .build())
        .build();
    MeshObservability.Outcome o = MeshObservability.run(bad, MeshObservability.meshConfig(), out);
    assertThat(o.problems()).isNotEmpty();
    assertThat(o.httpFilters()).isEmpty();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("validation: ");
  }
}
