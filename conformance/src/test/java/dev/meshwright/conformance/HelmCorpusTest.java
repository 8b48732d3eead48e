package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmCorpusTest {
  private static final String READER = """
      ---
      # Source: base/templates/reader-serviceaccount.yaml
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: istio-reader-service-account
        namespace: istio-system
        labels:
          app: istio-reader
          release: %s
      """;
  private static final String VALIDATOR_OFF = "defaultRevision=";

  @TempDir Path dir;

  private void write(String release, String golden) throws IOException {
    Files.createDirectories(dir.resolve("goldens"));
    Files.writeString(dir.resolve("goldens/base.yaml"), golden);
    Files.writeString(dir.resolve("cases.yaml"), """
        corpus: helm
        cases:
        - name: base
          chart: base
          release: %s
          namespace: istio-system
          set: [%s]
          golden: goldens/base.yaml
        """.formatted(release, VALIDATOR_OFF));
  }

  @Test
  @DisplayName("a chart rendered by Meshwright that equals helm template's tree passes; key order and comments don't matter")
  void passes() throws IOException {
    write("istio-base", READER.formatted("istio-base"));

    CorpusResult r = new HelmCorpus("helm").run(dir);

    assertThat(r.passed()).as(r.reasons().toString()).isEqualTo(1);
  }

  @Test
  @DisplayName("a different label value or an object missing from Meshwright's output fails with the path")
  void fails() throws IOException {
    write("istio-base", READER.formatted("other") + READER.formatted("x").replace("istio-reader-service-account", "extra"));

    CorpusResult r = new HelmCorpus("helm").run(dir);

    assertThat(r.passed()).isZero();
    assertThat(r.reasons().get("base")).contains("missing [ServiceAccount:istio-system:extra]");
  }

  @Test
  @DisplayName("ConfigMap data documents compare parsed, and built-in injection template bodies are left out")
  void normalise() throws IOException {
    var yaml = NamedCorpus.YAML;
    var a = yaml.readTree("kind: ConfigMap\ndata:\n  mesh: |\n    b: 1\n    a: 2\n  config: |\n    templates:\n"
        + "      sidecar: '{{ go }}'\n      mine: x\n");
    var b = yaml.readTree("kind: ConfigMap\ndata:\n  mesh: '{\"a\": 2, \"b\": 1}'\n  config: 'templates: {mine: x}'\n");

    assertThat(HelmCorpus.normalise(a)).isEqualTo(HelmCorpus.normalise(b));
  }
}
