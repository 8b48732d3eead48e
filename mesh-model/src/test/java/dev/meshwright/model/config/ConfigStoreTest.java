package dev.meshwright.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.yaml.MeshYaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigStoreTest {
  private static List<MeshResource> read(String yaml) {
    return MeshYaml.read("test.yaml", yaml).resources();
  }

  private static String vs(String name, String ns, String host, String rev) {
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " + name
        + (ns.isEmpty() ? "" : "\n  namespace: " + ns)
        + (rev.isEmpty() ? "" : "\n  labels:\n    istio.io/rev: " + rev)
        + "\nspec:\n  hosts: [" + host + "]\n";
  }

  @Test
  @DisplayName("put adds, a different resource updates, the same resource changes nothing; each batch is one version")
  void putVersionsAndEvents() {
    ConfigStore store = ConfigStore.builder().build();
    List<ConfigEvent> added = store.putAll("a.yaml", read(vs("r", "ns1", "a", "") + "---\n" + vs("s", "ns1", "b", "")));
    assertThat(added).extracting(ConfigEvent::type).containsExactly(ConfigEvent.Type.ADDED, ConfigEvent.Type.ADDED);
    assertThat(store.version()).isEqualTo(1);

    assertThat(store.putAll("a.yaml", read(vs("r", "ns1", "a", "")))).isEmpty();
    assertThat(store.version()).isEqualTo(1);

    List<ConfigEvent> updated = store.put("a.yaml", read(vs("r", "ns1", "changed", "")).get(0));
    assertThat(updated).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ConfigEvent.Type.UPDATED);
      assertThat(e.version()).isEqualTo(2);
      assertThat(((VirtualService) e.previous().orElseThrow()).spec().hosts()).containsExactly("a");
      assertThat(((VirtualService) e.current().orElseThrow()).spec().hosts()).containsExactly("changed");
    });
    assertThat(store.view().get(VirtualService.KIND, "ns1", "r").orElseThrow().spec().hosts()).containsExactly("changed");
  }

  @Test
  @DisplayName("a view never changes after it is handed out")
  void viewsAreImmutable() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("a", read(vs("r", "ns1", "a", "")));
    ConfigView before = store.view();
    store.delete(new ConfigKey("networking.istio.io", "VirtualService", "ns1", "r"));
    assertThat(before.list(VirtualService.KIND)).hasSize(1);
    assertThat(store.view().list(VirtualService.KIND)).isEmpty();
    assertThat(store.view().version()).isEqualTo(2);
  }

  @Test
  @DisplayName("a resource without a namespace lands in the default namespace; cluster-scoped kinds keep none")
  void namespaceDefaulting() {
    ConfigStore store = ConfigStore.builder().defaultNamespace("team").build();
    store.putAll("a", read(vs("r", "", "a", "") + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n"));
    assertThat(store.view().get(VirtualService.KIND, "team", "r")).isPresent();
    assertThat(store.view().get(new ConfigKey("", "Namespace", "", "team"))).isPresent();
  }

  @Test
  @DisplayName("only the store's revision and unlabelled config are kept; relabelling out of the revision deletes")
  void revisionFilter() {
    ConfigStore store = ConfigStore.builder().revision("canary").build();
    store.putAll("a", read(vs("mine", "ns", "a", "canary") + "---\n" + vs("other", "ns", "b", "stable")
        + "---\n" + vs("global", "ns", "c", "")));
    assertThat(store.view().list(VirtualService.KIND)).extracting(MeshResource::name).containsExactly("global", "mine");

    List<ConfigEvent> events = store.putAll("a", read(vs("mine", "ns", "a", "stable")));
    assertThat(events).singleElement().extracting(ConfigEvent::type).isEqualTo(ConfigEvent.Type.DELETED);

    ConfigStore all = ConfigStore.builder().build();
    all.putAll("a", read(vs("mine", "ns", "a", "canary") + "---\n" + vs("other", "ns", "b", "stable")));
    assertThat(all.view().list(VirtualService.KIND)).hasSize(2);
  }

  @Test
  @DisplayName("replaceSource deletes what the source no longer has and leaves other sources alone")
  void replaceSource() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("a.yaml", read(vs("r", "ns", "a", "") + "---\n" + vs("s", "ns", "b", "")));
    store.putAll("b.yaml", read(vs("t", "ns", "c", "")));
    List<ConfigEvent> events = store.replaceSource("a.yaml", read(vs("s", "ns", "b", "")));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ConfigEvent.Type.DELETED);
      assertThat(e.key().name()).isEqualTo("r");
    });
    assertThat(store.view().list(VirtualService.KIND)).extracting(MeshResource::name).containsExactly("s", "t");
    assertThat(store.keysOf("b.yaml")).extracting(ConfigKey::name).containsExactly("t");
  }

  @Test
  @DisplayName("listeners get each batch once, in order, and a throwing listener harms no one")
  void listeners() {
    ConfigStore store = ConfigStore.builder().build();
    List<Long> seen = new ArrayList<>();
    store.addListener((view, events) -> {
      throw new IllegalStateException("boom");
    });
    store.addListener((view, events) -> seen.add(view.version()));
    store.putAll("a", read(vs("r", "ns", "a", "")));
    store.putAll("a", read(vs("r", "ns", "a", "")));
    store.delete(new ConfigKey("networking.istio.io", "VirtualService", "ns", "r"));
    assertThat(seen).containsExactly(1L, 2L);
  }
}
