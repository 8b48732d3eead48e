package dev.meshwright.xds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.TextSources;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.References;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.endpoint.EndpointGenerator;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The xds-bench configs (rendered at test size) through CDS and EDS, as upstream's smoke tests do. */
class XdsBenchSmokeTest {
  static Stream<Path> configs() throws IOException {
    Path dir = Corpus.require("xds-bench/rendered");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static ProxyContext context(Path file, String type) throws IOException {
    ConfigStore store = ConfigStore.builder().defaultNamespace("default").build();
    TextSources.apply(store, file.getFileName().toString(), Files.readString(file), MeshYaml.standard());
    MeshSnapshot snapshot = MeshTranslator.create(RegistryOptions.defaults()).translate(store.view(),
        MeshConfigs.defaults());
    Proxy proxy = NodeIds.parse(type + "~1.1.1.1~v0.default~default.example.org", Map.of("NAMESPACE", "default",
        "LABELS", Map.of("istio.io/benchmark", "true"), "CLUSTER_ID", "Kubernetes", "ISTIO_VERSION", "1.22.0"))
        .orThrow();
    return ProxyContext.of(snapshot, proxy, XdsOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  @DisplayName("CDS and EDS for a sidecar and a router give clusters, assignments for every EDS cluster, no errors")
  void generates(Path file) throws Exception {
    for (String type : List.of("sidecar", "router")) {
      ProxyContext ctx = context(file, type);
      ResourceGenerator.Output cds = new ClusterGenerator().generate(ctx, Set.of());
      assertThat(cds.diagnostics()).isEmpty();
      assertThat(cds.resources()).isNotEmpty();
      List<Cluster> clusters = cds.resources().stream().map(r -> (Cluster) r.message()).toList();
      for (Cluster c : clusters) {
        assertThat(Cluster.parseFrom(c.toByteArray())).isEqualTo(c);
      }
      Set<String> eds = References.edsNames(clusters);
      ResourceGenerator.Output out = new EndpointGenerator().generate(ctx, eds);
      assertThat(out.diagnostics()).isEmpty();
      assertThat(out.resources()).extracting(XdsResource::name).containsExactlyInAnyOrderElementsOf(eds);
      out.resources().forEach(r -> assertThat(((ClusterLoadAssignment) r.message()).getClusterName()).isEqualTo(r.name()));
    }
  }
}
