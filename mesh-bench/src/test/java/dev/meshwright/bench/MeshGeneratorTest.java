package dev.meshwright.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshGeneratorTest {
  @Test
  @DisplayName("the synthetic mesh has the issue's shape (per 1,000 services: 5,000 endpoints, 3,000 Istio resources) and no diagnostics")
  void shape() {
    List<MeshResource> resources = MeshGenerator.resources(100, 5);
    assertThat(resources.stream().filter(IstioResource.class::isInstance)).hasSize(300);
    MeshSnapshot s = MeshTranslator.create().translate(ConfigView.of(resources), MeshConfigs.defaults());
    assertThat(s.diagnostics()).isEmpty();
    assertThat(s.registry().services()).hasSize(105);
    assertThat(s.registry().endpointCount()).isEqualTo(505);
    assertThat(s.virtualServices().all()).hasSize(100);
    assertThat(s.workloads()).hasSize(500).allSatisfy(w -> assertThat(w.workload()).startsWith("Pod "));
  }
}
