package dev.meshwright.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.ConfigView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What changed between two snapshots, in istiod's ConfigsUpdated terms. */
class SnapshotChangesTest {
  private static final MeshConfig MESH = MeshConfigs.defaults();

  static String se(String name, String ns, String host, String resolution, String... addresses) {
    StringBuilder sb = new StringBuilder("---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: "
        + name + ", namespace: " + ns + "}\nspec:\n  hosts: [" + host + "]\n  location: MESH_INTERNAL\n  resolution: "
        + resolution + "\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  endpoints:\n");
    for (String a : addresses) {
      sb.append("  - {address: ").append(a).append("}\n");
    }
    return sb.toString();
  }

  static String vs(String ns, String host, String timeout) {
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: " + ns
        + "}\nspec:\n  hosts: [" + host + "]\n  http: [{timeout: " + timeout + ", route: [{destination: {host: "
        + host + "}}]}]\n";
  }

  static MeshSnapshot snapshot(MeshConfig mesh, String yaml) {
    return MeshTranslator.create().translate(ConfigView.of(MeshYaml.read("t.yaml", yaml).resources()), mesh);
  }

  static MeshSnapshot snapshot(String yaml) {
    return snapshot(MESH, yaml);
  }

  static ConfigKey service(String ns, String host) {
    return new ConfigKey("networking.istio.io", "ServiceEntry", ns, host);
  }

  @Test
  @DisplayName("unrelated full builds are compared by value: a changed VirtualService is listed, nothing else")
  void configByValue() {
    String base = se("a", "shop", "a.example.com", "STATIC", "10.0.0.1");
    SnapshotChanges c = SnapshotChanges.between(snapshot(base + vs("shop", "a.example.com", "1s")),
        snapshot(base + vs("shop", "a.example.com", "2s")));
    assertThat(c.configs()).containsExactly(new ConfigKey("networking.istio.io", "VirtualService", "shop", "v"));
    assertThat(c.endpoints()).isEmpty();
    assertThat(SnapshotChanges.between(snapshot(base), snapshot(base)).isEmpty()).isTrue();
  }

  @Test
  @DisplayName("new endpoints of a STATIC service are endpoint-only, with the changed addresses; DNS ones are a service change")
  void endpoints() {
    SnapshotChanges c = SnapshotChanges.between(
        snapshot(se("a", "shop", "a.example.com", "STATIC", "10.0.0.1") + se("d", "shop", "d.example.com", "DNS", "d1")),
        snapshot(se("a", "shop", "a.example.com", "STATIC", "10.0.0.1", "10.0.0.2")
            + se("d", "shop", "d.example.com", "DNS", "d1", "d2")));
    assertThat(c.endpoints()).containsOnlyKeys(service("shop", "a.example.com"));
    assertThat(c.endpoints().get(service("shop", "a.example.com"))).containsExactly("10.0.0.2");
    assertThat(c.configs()).containsExactly(service("shop", "d.example.com"));
  }

  @Test
  @DisplayName("a service's first endpoint, a new port and a removed service are service changes")
  void serviceChanges() {
    SnapshotChanges c = SnapshotChanges.between(
        snapshot(se("a", "shop", "a.example.com", "STATIC") + se("b", "shop", "b.example.com", "STATIC", "10.0.0.3")),
        snapshot(se("a", "shop", "a.example.com", "STATIC", "10.0.0.1")));
    assertThat(c.configs()).containsExactlyInAnyOrder(service("shop", "a.example.com"), service("shop", "b.example.com"));
  }

  @Test
  @DisplayName("a new mesh config changes everything; merging keeps a service's full change over its endpoint change")
  void meshConfigAndMerge() {
    MeshConfig other = MeshConfigs.merge(MESH, MeshConfig.builder().connectTimeout(Duration.ofSeconds(3)).build());
    String base = se("a", "shop", "a.example.com", "STATIC", "10.0.0.1");
    assertThat(SnapshotChanges.between(snapshot(base), snapshot(other, base)).everything()).isTrue();
    SnapshotChanges eps = SnapshotChanges.between(snapshot(base),
        snapshot(se("a", "shop", "a.example.com", "STATIC", "10.0.0.1", "10.0.0.2")));
    SnapshotChanges svc = SnapshotChanges.between(snapshot(base), snapshot(""));
    SnapshotChanges merged = eps.merge(svc);
    assertThat(merged.configs()).containsExactly(service("shop", "a.example.com"));
    assertThat(merged.endpoints()).isEmpty();
    assertThat(eps.merge(SnapshotChanges.all()).everything()).isTrue();
  }

  @Test
  @DisplayName("an incremental update that reuses the registry diffs only the kinds it rebuilt")
  void incremental() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("f", MeshYaml.read("t", se("a", "shop", "a.example.com", "STATIC", "10.0.0.1")
        + vs("shop", "a.example.com", "1s")).resources());
    MeshTranslator t = MeshTranslator.create();
    MeshSnapshot first = t.translate(store.view(), MESH);
    List<ConfigEvent> events = store.putAll("f", MeshYaml.read("t", vs("shop", "a.example.com", "5s")).resources());
    MeshSnapshot next = t.update(first, store.view(), MESH, events);
    assertThat(next.registry()).isSameAs(first.registry());
    assertThat(SnapshotChanges.between(first, next).configs())
        .isEqualTo(Set.of(new ConfigKey("networking.istio.io", "VirtualService", "shop", "v")));
  }

  @Test
  @DisplayName("an update that rebuilds the registry shares what did not change, and the diff still finds each change")
  void sharedRegistry() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("f", MeshYaml.read("t", se("a", "shop", "a.example.com", "STATIC", "10.0.0.1")
        + se("b", "shop", "b.example.com", "STATIC", "10.0.0.2")).resources());
    MeshTranslator t = MeshTranslator.create();
    MeshSnapshot first = t.translate(store.view(), MESH);

    List<ConfigEvent> moved = store.putAll("f", MeshYaml.read("t", se("b", "shop", "b.example.com", "STATIC",
        "10.0.0.3")).resources());
    MeshSnapshot second = t.update(first, store.view(), MESH, moved);
    assertThat(second.registry()).isNotSameAs(first.registry());
    assertThat(second.registry().services()).containsExactlyElementsOf(first.registry().services());
    assertThat(second.registry().services().get(0)).isSameAs(first.registry().services().get(0));
    SnapshotChanges c = SnapshotChanges.between(first, second);
    assertThat(c.configs()).isEmpty();
    assertThat(c.endpoints()).containsOnlyKeys(service("shop", "b.example.com"));
    assertThat(c.endpoints().get(service("shop", "b.example.com"))).containsExactly("10.0.0.2", "10.0.0.3");

    List<ConfigEvent> added = store.putAll("f", MeshYaml.read("t", se("c", "shop", "c.example.com", "STATIC",
        "10.0.0.4")).resources());
    MeshSnapshot third = t.update(second, store.view(), MESH, added);
    assertThat(SnapshotChanges.between(second, third).configs()).containsExactly(service("shop", "c.example.com"));
    assertThat(SnapshotChanges.between(third, second).configs()).containsExactly(service("shop", "c.example.com"));
  }
}
