package dev.meshwright.api.mesh;

import dev.meshwright.testing.Corpus;
import dev.meshwright.api.yaml.MeshConfigYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every mesh config of the injection corpus ({@code inject/}) loads over the defaults without a problem. */
class MeshConfigCorpusTest {

  @Test
  @DisplayName("inject/cases/*.mesh.gen.yaml and the per-case mesh overrides load and validate cleanly")
  void corpusMeshConfigs() throws IOException {
    Path inject = Corpus.require("inject/cases").getParent();
    List<String> problems = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.list(inject.resolve("cases"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".mesh.gen.yaml")).sorted().toList()) {
        read++;
        MeshConfigs.Result r = MeshConfigYaml.load(f.getFileName().toString(), Files.readString(f));
        r.diagnostics().forEach(d -> problems.add(d.format()));
        assertThat(r.meshConfig()).as(f.toString()).isPresent();
      }
    }
    JsonNode cases = MeshJackson.yaml().readTree(Files.readString(inject.resolve("cases.yaml")));
    for (JsonNode c : cases.isArray() ? cases : cases.path("cases")) {
      JsonNode mesh = c.path("mesh");
      if (mesh.isObject() && !mesh.isEmpty()) {
        read++;
        String source = "cases.yaml#" + c.path("index").asText();
        MeshConfigs.Result r = MeshConfigYaml.load(source, MeshJackson.yaml().writeValueAsString(mesh));
        r.diagnostics().forEach(d -> problems.add(d.format()));
      }
    }
    assertThat(read).isGreaterThan(10);
    assertThat(problems).isEmpty();
  }
}
