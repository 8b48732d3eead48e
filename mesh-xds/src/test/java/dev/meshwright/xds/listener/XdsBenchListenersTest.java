package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Smoke test over the xds-bench renderings: sidecar LDS is non-empty, parses back, and never throws. */
class XdsBenchListenersTest {
  static Stream<String> configs() throws IOException {
    Path dir = Corpus.root().resolve("xds-bench/rendered");
    if (!Files.isDirectory(dir)) {
      return Stream.of("(corpus absent)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** Istio-config documents without a namespace go to {@code default}, as the benchmark harness places them. */
  static String defaultNamespace(String yaml) {
    List<String> docs = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.contains("\nmetadata:\n") && !doc.matches("(?s).*\nmetadata:\n(  [^\n]*\n)*  namespace:.*")) {
        doc = doc.replace("\nmetadata:\n", "\nmetadata:\n  namespace: default\n");
      }
      docs.add(doc);
    }
    return String.join("\n---\n", docs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  @DisplayName("every xds-bench config gives the benchmark sidecar a non-empty LDS that round-trips")
  void smoke(String file) throws Exception {
    Path path = Corpus.require("xds-bench/rendered").resolve(file);
    MeshSnapshot s = Lds.snapshot(defaultNamespace(Files.readString(path)), MeshConfigs.defaults(), "cluster.local");
    ProxyContext ctx = Lds.ctx(s, Lds.proxy("sidecar~1.1.1.1~v0.default~default.example.org", Map.of(
        "NAMESPACE", "default", "LABELS", Map.of("istio.io/benchmark", "true"), "CLUSTER_ID", "Kubernetes",
        "ISTIO_VERSION", "1.22.0")), "cluster.local");
    ResourceGenerator.Output out = ListenerGenerator.create().generate(ctx, Set.of());
    assertThat(out.resources()).isNotEmpty();
    assertThat(out.resources()).extracting(XdsResource::name).contains("virtualOutbound", "virtualInbound");
    for (XdsResource r : out.resources()) {
      assertThat(Listener.parseFrom(r.message().toByteString())).isEqualTo(r.message());
    }
  }
}
