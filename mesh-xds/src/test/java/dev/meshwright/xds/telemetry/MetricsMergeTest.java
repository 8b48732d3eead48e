package dev.meshwright.xds.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.DefaultProviders;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.telemetry.MetricSelector.IstioMetric;
import dev.meshwright.api.telemetry.MetricSelector;
import dev.meshwright.api.telemetry.Metrics;
import dev.meshwright.api.telemetry.MetricsOverrides;
import dev.meshwright.api.telemetry.ProviderRef;
import dev.meshwright.api.telemetry.WorkloadMode;
import dev.meshwright.xds.telemetry.MetricsMerge.ProviderMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsMergeTest {
  private static final MeshConfig PLAIN = MeshConfigs.defaults();
  private static final MeshConfig PROMETHEUS = MeshConfig.builder().from(PLAIN)
      .defaultProviders(DefaultProviders.builder().addMetrics("prometheus").build()).build();

  private static Metrics metrics(List<String> providers, MetricsOverrides... overrides) {
    Metrics.Builder b = Metrics.builder().addOverrides(overrides);
    providers.forEach(p -> b.addProviders(ProviderRef.of(p)));
    return b.build();
  }

  private static MetricsOverrides disable(MetricSelector match) {
    MetricsOverrides.Builder b = MetricsOverrides.builder().disabled(true);
    if (match != null) {
      b.match(match);
    }
    return b.build();
  }

  private static MetricSelector metric(IstioMetric m, WorkloadMode mode) {
    return MetricSelector.builder().metric(m).mode(mode).build();
  }

  @Test
  @DisplayName("no metrics sections: each mesh default provider, no overrides; none without defaults")
  void defaults() {
    assertThat(MetricsMerge.merge(List.of(), PLAIN)).isEmpty();
    Map<String, ProviderMetrics> m = MetricsMerge.merge(List.of(), PROMETHEUS);
    assertThat(m).containsOnlyKeys("prometheus");
    assertThat(m.get("prometheus").client().disabled()).isFalse();
    assertThat(m.get("prometheus").server().overrides()).isEmpty();
    assertThat(m.get("prometheus").reportingInterval()).isEmpty();
  }

  @Test
  @DisplayName("the root disables all metrics; a later section overriding one SERVER metric re-enables SERVER only")
  void disableAllThenOne() {
    Metrics root = metrics(List.of("prometheus"), disable(null));
    Metrics ns = metrics(List.of(), MetricsOverrides.builder()
        .match(metric(IstioMetric.REQUEST_COUNT, WorkloadMode.SERVER))
        .putTagOverride("x", MetricsOverrides.TagOverride.remove()).build());
    ProviderMetrics p = MetricsMerge.merge(List.of(root, ns), PLAIN).get("prometheus");
    assertThat(p.client().disabled()).isTrue();
    assertThat(p.server().disabled()).isFalse();
    assertThat(p.server().overrides()).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("REQUEST_COUNT");
      assertThat(o.tags()).containsExactly(new MetricsMerge.TagOverride("x", true, ""));
    });
    assertThat(p.forClass(ListenerClass.SIDECAR_INBOUND)).isSameAs(p.server());
    assertThat(p.forClass(ListenerClass.GATEWAY)).isSameAs(p.client());
  }

  @Test
  @DisplayName("ALL_METRICS with a tag expands to every Istio metric, sorted; a later provider list drops earlier providers")
  void expandAndScope() {
    Metrics root = metrics(List.of("prometheus", "other"), MetricsOverrides.builder()
        .match(MetricSelector.builder().metric(IstioMetric.ALL_METRICS).build())
        .putTagOverride("b", MetricsOverrides.TagOverride.upsert("'2'"))
        .putTagOverride("a", MetricsOverrides.TagOverride.upsert("'1'")).build());
    Metrics workload = Metrics.builder().addProviders(ProviderRef.of("prometheus"))
        .reportingInterval(Duration.ofSeconds(30)).build();
    Map<String, ProviderMetrics> m = MetricsMerge.merge(List.of(root, workload), PLAIN);
    assertThat(m).containsOnlyKeys("prometheus");
    ProviderMetrics p = m.get("prometheus");
    assertThat(p.client().overrides()).extracting(MetricsMerge.MetricOverride::name)
        .containsExactlyElementsOf(MetricsMerge.ALL_METRICS).hasSize(10).startsWith("GRPC_REQUEST_MESSAGES");
    assertThat(p.client().overrides().get(0).tags()).extracting(MetricsMerge.TagOverride::name).containsExactly("a", "b");
    assertThat(p.reportingInterval()).contains(Duration.ofSeconds(30));
  }
}
