package dev.meshwright.xds.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire-form fast path agrees with the reflective walk on every resource istiod's generators produce for the
 * xds-bench configs, and on the same resources broken: it never vouches for a message the walk finds a violation in.
 */
class WireRulesTest {
  private static final ProtoRules RULES = ProtoRules.with(TypeRegistry.envoy());
  private static final WireRules FAST = new WireRules(TypeRegistry.envoy());

  static Stream<Path> configs() throws IOException {
    try (Stream<Path> files = Files.list(Corpus.require("xds-bench/rendered"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static XdsResources generate(Path file, String type) throws IOException {
    MeshSnapshot s = MeshTranslator.create().translate(
        ConfigView.of(MeshYaml.read(file.toString(), Files.readString(file)).resources()), MeshConfigs.defaults());
    Proxy p = NodeIds.parse(type + "~1.1.1.1~v0.default~default.example.org", Map.of("NAMESPACE", "default",
        "LABELS", Map.of("istio.io/benchmark", "true"), "ISTIO_VERSION", "1.22.0")).orThrow();
    return Istiod.generator(XdsOptions.defaults()).generate(s, p);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  @DisplayName("valid exactly when the reflective walk finds nothing, for generated and for broken resources")
  void agrees(Path file) throws IOException {
    for (String type : java.util.List.of("sidecar", "router")) {
      XdsResources out = generate(file, type);
      for (String t : out.types()) {
        for (XdsResource r : out.of(t).values()) {
          Message m = r.message();
          assertThat(FAST.valid(m)).as(r.name()).isEqualTo(RULES.walk(m).isEmpty());
          assertThat(FAST.valid(m, r.bytes())).as("kept bytes of " + r.name()).isEqualTo(FAST.valid(m));
          assertThat(RULES.violations(m, r.bytes())).as(r.name()).isEqualTo(RULES.violations(m));
          if (m instanceof Cluster c) {
            Cluster broken = c.toBuilder().setName("").build();
            assertThat(FAST.valid(broken)).as("nameless " + r.name()).isFalse();
            assertThat(RULES.violations(broken)).anyMatch(v -> v.startsWith("name:"));
            assertThat(RULES.violations(broken, broken.toByteString())).isEqualTo(RULES.violations(broken));
          }
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  @DisplayName("rule-free types: structs and metadata entries are, Any and types with rules (or reaching them) are not")
  void ruleFreeTypes() {
    assertThat(RuleFreeTypes.contains(com.google.protobuf.Struct.getDescriptor())).isTrue();
    assertThat(RuleFreeTypes.contains(com.google.protobuf.Value.getDescriptor())).isTrue();
    com.google.protobuf.Descriptors.Descriptor metadata = io.envoyproxy.envoy.config.core.v3.Metadata.getDescriptor();
    assertThat(RuleFreeTypes.contains(metadata)).as("typed_filter_metadata holds Any").isFalse();
    assertThat(RuleFreeTypes.contains(metadata.findFieldByName("filter_metadata").getMessageType())).isTrue();
    assertThat(RuleFreeTypes.contains(com.google.protobuf.Any.getDescriptor())).isFalse();
    assertThat(RuleFreeTypes.contains(Cluster.getDescriptor())).isFalse();
    assertThat(RuleFreeTypes.contains(io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint.getDescriptor())).isFalse();
  }
}
