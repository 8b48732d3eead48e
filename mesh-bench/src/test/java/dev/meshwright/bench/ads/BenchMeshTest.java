package dev.meshwright.bench.ads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.snapshot.MeshSnapshot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mesh behind the pre-built config holds the same endpoints, before and after a change. */
class BenchMeshTest {
  @Test
  @DisplayName("each cluster is a Service with the assignment's two addresses; a change moves only that service's")
  void snapshotsCarryTheEndpoints() {
    BenchConfig config = BenchConfig.of(20);
    BenchMesh mesh = new BenchMesh(config);
    MeshSnapshot before = mesh.current();
    assertThat(before.diagnostics()).isEmpty();
    assertThat(before.registry().endpointCount()).isEqualTo(40);
    assertThat(addresses(before, 7)).containsExactly("10.0.7.1", "10.0.7.2");

    MeshSnapshot after = mesh.change(config.changed(7, 4), 7);

    assertThat(addresses(after, 7)).containsExactly("10.0.7.1", "10.0.7.7");
    assertThat(addresses(after, 8)).containsExactly("10.0.8.1", "10.0.8.2");
    assertThat(config.changed(7, 4).endpoints().get(7).toString()).contains("10.0.7.7");
  }

  private static java.util.List<String> addresses(MeshSnapshot s, int i) {
    return s.registry().endpoints(BenchConfig.serviceName(i) + ".bench.svc.cluster.local").stream()
        .map(Endpoint::address).sorted().toList();
  }
}
