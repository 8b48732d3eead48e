package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.testing.Corpus;
import dev.meshwright.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeshctlProfileTest {
  private static final Path GOLDENS = Path.of("src/test/resources/golden");

  @Test
  @DisplayName("profile list prints the built-in 1.22.8 profiles")
  void list() {
    MeshctlValidateTest.Run r = meshctl("", "profile", "list");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Istio configuration profiles:\n    ambient\n    default\n")
        .contains("    openshift-ambient\n", "    stable\n");
  }

  @Test
  @DisplayName("profile dump demo (built-in) matches our golden")
  void dumpDemo() {
    MeshctlValidateTest.Run r = meshctl("", "profile", "dump", "demo");

    assertThat(r.code()).isZero();
    Golden.assertMatches(GOLDENS.resolve("profile-dump-demo.yaml"), r.out());
  }

  @Test
  @DisplayName("profile dump: --set with an unknown path fails with suggestions; a name and -f together fail")
  void dumpErrors() {
    MeshctlValidateTest.Run r = meshctl("", "profile", "dump", "--set", "components.pilot.enabeld=false");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("unknown path components.pilot.enabeld", "components.pilot.enabled");
    assertThat(meshctl("", "profile", "dump", "demo", "-f", "x.yaml").code()).isEqualTo(2);
  }

  @Test
  @DisplayName("profile diff: identical profiles, differences as -/+ lines, wrong arity is a usage error")
  void diff() {
    assertThat(meshctl("", "profile", "diff", "demo", "demo").out()).isEqualTo("Profiles are identical\n");
    MeshctlValidateTest.Run r = meshctl("", "profile", "diff", "default", "openshift");
    assertThat(r.out()).contains("-    profile: default\n", "+    profile: openshift\n");
    assertThat(meshctl("", "profile", "diff", "demo").code()).isEqualTo(2);
    assertThat(meshctl("", "profile", "diff", "default", "nope").code()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"all_off", "config_path", "list_path"})
  @DisplayName("profile dump -o flags matches Istio's goldens (snapshot profiles)")
  void dumpFlagsGoldens(String name) throws IOException {
    assumeFalse(Golden.updating(), "never rewrite the shared corpus");
    Path dir = Corpus.require("install");
    MeshctlValidateTest.Run r = meshctl("", args(dir, name, "--output=flags"));

    assertThat(r.code()).as(r.err()).isZero();
    Golden.assertMatches(dir.resolve("profile-dump/goldens/" + name + ".txt"),
        r.out().replaceAll("(?m)^installPackagePath=\".*\"\n", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"all_off", "config_path", "list_path"})
  @DisplayName("profile dump YAML equals Istio's goldens as YAML (snapshot profiles)")
  void dumpYamlGoldens(String name) throws IOException {
    Path dir = Corpus.require("install");
    MeshctlValidateTest.Run r = meshctl("", args(dir, name, "--output=yaml"));

    YAMLMapper yaml = new YAMLMapper();
    String golden = Files.readString(dir.resolve("profile-dump/goldens/" + name + ".yaml"));
    assertThat(yaml.readTree(r.out().replaceAll("  installPackagePath: .*", "")))
        .isEqualTo(yaml.readTree(golden.replaceAll("  installPackagePath: .*", "")));
  }

  private static String[] args(Path dir, String name, String output) {
    String path = switch (name) {
      case "config_path" -> "components";
      case "list_path" -> "values.gateways.istio-egressgateway.secretVolumes";
      default -> "";
    };
    // Istio's goldens come from its unstamped test binary: its hub and tag are an input here
    return new String[] {"profile", "dump", "-f", dir.resolve("profile-dump/inputs/" + name + ".yaml").toString(),
        "--set", "hub=gcr.io/istio-testing", "--set", "tag=latest",
        "--config-path", path, "--manifests=" + dir.resolve("snapshot"), output};
  }
}
