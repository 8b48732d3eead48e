package dev.meshwright.xds.istiod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every xds-bench config of Istio's translates, for a sidecar and for a gateway, with no invalid resource. */
class IstiodBenchConfigsTest {
  static Stream<String> configs() throws IOException {
    try (Stream<Path> files = Files.list(Corpus.require("xds-bench/rendered"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static XdsResources generate(String file, String type) throws IOException {
    Path path = Corpus.require("xds-bench/rendered").resolve(file);
    MeshSnapshot s = MeshTranslator.create().translate(
        ConfigView.of(MeshYaml.read(path.toString(), Files.readString(path)).resources()), MeshConfigs.defaults());
    Proxy p = NodeIds.parse(type + "~1.1.1.1~v0.default~default.example.org", Map.of("NAMESPACE", "default",
        "LABELS", Map.of("istio.io/benchmark", "true"), "CLUSTER_ID", "Kubernetes", "ISTIO_VERSION", "1.22.0"))
        .orThrow();
    return Istiod.generator(XdsOptions.defaults()).generate(s, p);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  @DisplayName("a sidecar gets clusters and listeners, every resource passes the Envoy validate rules")
  void sidecar(String file) throws IOException {
    XdsResources out = generate(file, "sidecar");
    assertThat(out.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(out.of(TypeUrls.CLUSTER)).isNotEmpty();
    assertThat(out.of(TypeUrls.LISTENER)).containsKeys("virtualOutbound", "virtualInbound");
    assertThat(out.diagnostics()).as("dangling references").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  @DisplayName("a gateway's output passes the Envoy validate rules and every listener's route configuration exists")
  void router(String file) throws IOException {
    XdsResources out = generate(file, "router");
    assertThat(out.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    // knative-gateway routes to services its config never defines: those cluster warnings are Istio's behaviour
    assertThat(out.diagnostics()).noneMatch(d -> d.message().contains("route configuration"));
  }
}
