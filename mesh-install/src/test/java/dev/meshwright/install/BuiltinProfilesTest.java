package dev.meshwright.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BuiltinProfilesTest {
  private static final String[] NAMES = {"ambient", "default", "demo", "empty", "minimal", "openshift",
      "openshift-ambient", "preview", "remote", "stable"};

  @Test
  @DisplayName("the jar holds Istio 1.22.8's ten profiles")
  void names() {
    assertThat(ProfileSource.builtin().names()).containsExactly(NAMES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ambient", "default", "demo", "empty", "minimal", "openshift", "openshift-ambient",
      "preview", "remote", "stable"})
  @DisplayName("each profile assembles into a typed IstioOperator on top of default, with the release hub and tag")
  void assembles(String name) {
    InstallInputs.Assembly a = InstallInputs.of().withSet("profile=" + name).assemble();

    assertThat(a.diagnostics()).isEmpty();
    assertThat(a.spec().orElseThrow().profile()).isEqualTo(name);
    assertThat(a.spec().get().spec().get("hub").asText()).isEqualTo("docker.io/istio");
    assertThat(a.spec().get().spec().get("tag").asText()).isEqualTo("1.22.8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ambient", "default", "demo", "empty", "minimal", "openshift", "openshift-ambient",
      "preview", "remote", "stable"})
  @DisplayName("each built-in profile holds the same data as Istio's file in the corpus")
  void sameAsCorpus(String name) throws IOException {
    Path file = Corpus.require("install/profiles").resolve(name + ".yaml");
    YAMLMapper yaml = new YAMLMapper();
    JsonNode ours = yaml.readTree(ProfileSource.builtin().read(name).orElseThrow());

    assertThat(ours).isEqualTo(yaml.readTree(Files.readString(file)));
  }
}
