package dev.meshwright.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
  @TempDir Path dir;
  private int tick;

  static String vs(String name, String host) {
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + name
        + ", namespace: ns}\nspec: {hosts: [" + host + "]}\n";
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    // a distinct modification time per write, as a real edit seconds later would have
    Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(++tick)));
  }

  @Test
  @DisplayName("loads every file, picks up edits, additions and deletions, and ignores unchanged files")
  void loadsAndReloads() throws IOException {
    write("a.yaml", vs("a", "one"));
    write("sub/b.yml", vs("b", "two"));
    write("notes.txt", "not config");
    write("..2026_11_27/a.yaml", vs("a", "kubelet-copy"));
    ConfigStore store = ConfigStore.builder().build();
    DirectorySource source = new DirectorySource(dir, store, MeshYaml.standard());
    assertThat(source.scan().events()).hasSize(2);
    assertThat(source.scan().events()).isEmpty();

    write("a.yaml", vs("a", "changed"));
    write("c.json", "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"VirtualService\","
        + "\"metadata\":{\"name\":\"c\",\"namespace\":\"ns\"},\"spec\":{\"hosts\":[\"three\"]}}");
    Files.delete(dir.resolve("sub/b.yml"));
    DirectorySource.Scan scan = source.scan();
    assertThat(scan.events()).extracting(ConfigEvent::type).containsExactlyInAnyOrder(
        ConfigEvent.Type.UPDATED, ConfigEvent.Type.ADDED, ConfigEvent.Type.DELETED);
    assertThat(store.view().list(VirtualService.KIND)).extracting(MeshResource::name).containsExactly("a", "c");
    assertThat(store.view().get(VirtualService.KIND, "ns", "a").orElseThrow().spec().hosts()).containsExactly("changed");
  }

  @Test
  @DisplayName("a broken file yields diagnostics naming it and leaves every resource in place")
  void brokenFileKeepsResources() throws IOException {
    write("a.yaml", vs("a", "one") + "---\n" + vs("a2", "two"));
    write("b.yaml", vs("b", "three"));
    ConfigStore store = ConfigStore.builder().build();
    DirectorySource source = new DirectorySource(dir, store, MeshYaml.standard());
    source.scan();

    write("a.yaml", vs("a", "one") + "---\nkind: [unclosed\n");
    DirectorySource.Scan scan = source.scan();
    assertThat(scan.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.source()).endsWith("a.yaml"));
    assertThat(store.view().list(VirtualService.KIND)).extracting(MeshResource::name).containsExactly("a", "a2", "b");

    write("a.yaml", vs("a", "one"));
    assertThat(source.scan().diagnostics()).isEmpty();
    assertThat(store.view().list(VirtualService.KIND)).extracting(MeshResource::name).containsExactly("a", "b");
  }

  @Test
  @DisplayName("a missing directory is a diagnostic, not an exception")
  void missingDirectory() {
    DirectorySource source = new DirectorySource(dir.resolve("nope"), ConfigStore.builder().build(), MeshYaml.standard());
    assertThat(source.scan().diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.format()).contains("nope", "not a directory"));
  }

  @Test
  @DisplayName("started, it polls in the background until closed")
  void polls() throws Exception {
    write("a.yaml", vs("a", "one"));
    ConfigStore store = ConfigStore.builder().build();
    try (DirectorySource source = new DirectorySource(dir, store, MeshYaml.standard())) {
      source.start(Duration.ofMillis(20), d -> { });
      write("b.yaml", vs("b", "two"));
      for (int i = 0; i < 500 && store.view().list(VirtualService.KIND).size() < 2; i++) {
        Thread.sleep(10);
      }
      assertThat(store.view().list(VirtualService.KIND)).hasSize(2);
    }
  }
}
