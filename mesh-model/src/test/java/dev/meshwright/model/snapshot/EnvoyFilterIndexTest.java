package dev.meshwright.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EnvoyFilter selection and order in the snapshot, and EnvoyFilter changes between snapshots. */
class EnvoyFilterIndexTest {
  static String ef(String name, String ns, String extra) {
    return "---\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: " + name
        + ", namespace: " + ns + extra + "}\nspec:\n  configPatches: [{applyTo: CLUSTER, patch: {operation: MERGE, "
        + "value: {connect_timeout: 1s}}}]\n";
  }

  static String efSpec(String name, String ns, String specLine) {
    return ef(name, ns, "").replace("spec:\n", "spec:\n  " + specLine + "\n");
  }

  private static List<String> names(MeshSnapshot s, String ns, Map<String, String> labels) {
    return s.envoyFilters().select(ns, labels).stream().map(MeshResource::name).toList();
  }

  @Test
  @DisplayName("root and own namespace, selector subset; order by priority, root first, creation time, name")
  void selectionAndOrder() {
    MeshSnapshot s = SnapshotChangesTest.snapshot(
        ef("z-root", "istio-system", "")
            + ef("late", "shop", ", creationTimestamp: '2026-01-02T00:00:00Z'")
            + ef("early", "shop", ", creationTimestamp: '2026-01-01T00:00:00Z'")
            + efSpec("first", "shop", "priority: -5")
            + efSpec("reviews-only", "shop", "workloadSelector: {labels: {app: reviews}}")
            + ef("elsewhere", "other", ""));
    // no creation time sorts first, as istiod's zero time does
    assertThat(names(s, "shop", Map.of("app", "reviews", "v", "1")))
        .containsExactly("first", "z-root", "reviews-only", "early", "late");
    assertThat(names(s, "shop", Map.of("app", "ratings"))).containsExactly("first", "z-root", "early", "late");
    assertThat(names(s, "istio-system", Map.of())).containsExactly("z-root");
    assertThat(SnapshotChangesTest.snapshot("").envoyFilters().isEmpty()).isTrue();
    assertThat(SnapshotYaml.write(s)).contains("envoyFilters:\n  - istio-system/z-root\n  - other/elsewhere\n  - shop/early\n");
  }

  @Test
  @DisplayName("an EnvoyFilter change rebuilds the index on update and is listed in SnapshotChanges")
  void update() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("f", MeshYaml.read("t", ef("a", "shop", "")).resources());
    MeshTranslator t = MeshTranslator.create();
    MeshSnapshot first = t.translate(store.view(), MeshConfigs.defaults());
    List<ConfigEvent> events = store.putAll("f", MeshYaml.read("t", ef("a", "shop", "") + ef("b", "shop", ""))
        .resources());
    MeshSnapshot next = t.update(first, store.view(), MeshConfigs.defaults(), events);
    assertThat(names(next, "shop", Map.of())).containsExactly("a", "b");
    assertThat(SnapshotChanges.between(first, next).configs())
        .isEqualTo(Set.of(new ConfigKey("networking.istio.io", "EnvoyFilter", "shop", "b")));
  }
}
