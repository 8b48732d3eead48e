package dev.meshwright.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelemetryIndexTest {
  private static String telemetry(String name, String ns, String created, String spec) {
    return "---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: " + name + ", namespace: " + ns
        + ", creationTimestamp: \"" + created + "\"}\nspec:\n" + spec;
  }

  private static final String METRICS = "  metrics: [{providers: [{name: prometheus}]}]\n";

  private static List<String> applicable(MeshSnapshot s, String ns, Map<String, String> labels) {
    return s.telemetries().applicable(ns, labels).stream().map(t -> t.namespace() + "/" + t.name()).toList();
  }

  private static MeshSnapshot snapshot(String yaml) {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("t", MeshYaml.read("t.yaml", yaml).resources());
    return MeshTranslator.create().translate(store.view(), MeshConfigs.defaults());
  }

  @Test
  @DisplayName("root namespace-wide, then the namespace's first selector-less one, then matching workload ones by creation time")
  void order() {
    MeshSnapshot s = snapshot(telemetry("mesh", "istio-system", "2024-01-01T00:00:00Z", METRICS)
        + telemetry("late", "shop", "2024-03-01T00:00:00Z", METRICS)
        + telemetry("early", "shop", "2024-02-01T00:00:00Z", METRICS)
        + telemetry("cart-2", "shop", "2024-02-03T00:00:00Z", "  selector: {matchLabels: {app: cart}}\n" + METRICS)
        + telemetry("cart-1", "shop", "2024-02-02T00:00:00Z", "  selector: {matchLabels: {app: cart}}\n" + METRICS)
        + telemetry("ledger", "shop", "2024-02-02T00:00:00Z", "  selector: {matchLabels: {app: ledger}}\n" + METRICS)
        + telemetry("other-ns", "web", "2024-02-02T00:00:00Z", "  selector: {matchLabels: {app: cart}}\n" + METRICS));
    assertThat(applicable(s, "shop", Map.of("app", "cart", "v", "1")))
        .containsExactly("istio-system/mesh", "shop/early", "shop/cart-1", "shop/cart-2");
    assertThat(applicable(s, "istio-system", Map.of("app", "cart"))).containsExactly("istio-system/mesh");
    assertThat(applicable(s, "empty", Map.of())).containsExactly("istio-system/mesh");
  }

  @Test
  @DisplayName("istiod 1.22.8 treats a targetRefs-only Telemetry as namespace-wide (its selector has no labels)")
  void targetRefIsNamespaceWide() {
    MeshSnapshot s = snapshot(telemetry("gw", "edge", "2024-01-01T00:00:00Z",
        "  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: public}]\n" + METRICS));
    assertThat(applicable(s, "edge", Map.of("app", "anything"))).containsExactly("edge/gw");
  }

  @Test
  @DisplayName("a Telemetry change rebuilds the index on update; an invalid one (selector and targetRefs) is left out")
  void updateAndInvalid() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("t", MeshYaml.read("t.yaml", telemetry("a", "shop", "", METRICS)).resources());
    MeshTranslator t = MeshTranslator.create();
    MeshSnapshot first = t.translate(store.view(), MeshConfigs.defaults());
    List<ConfigEvent> events = store.putAll("t", MeshYaml.read("t.yaml", telemetry("a", "shop", "",
        "  selector: {matchLabels: {app: x}}\n  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: g}]\n"
            + METRICS)).resources());
    MeshSnapshot next = t.update(first, store.view(), MeshConfigs.defaults(), events);
    assertThat(applicable(first, "shop", Map.of())).containsExactly("shop/a");
    assertThat(next.telemetries().isEmpty()).isTrue();
    assertThat(next.diagnostics()).anySatisfy(d -> assertThat(d.toString()).contains("Telemetry"));
    assertThat(SnapshotChanges.between(first, next).configs())
        .containsExactly(new ConfigKey("telemetry.istio.io", "Telemetry", "shop", "a"));
  }
}
