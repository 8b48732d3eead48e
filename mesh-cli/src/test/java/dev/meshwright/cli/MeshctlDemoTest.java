package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlDemoTest {
  @TempDir Path dir;

  @Test
  @DisplayName("the demo builds, validates and round-trips Bookinfo, catches the broken change, analyzes, snapshots, injects, and exits 0")
  void demo() {
    MeshctlValidateTest.Run r = MeshctlValidateTest.meshctl("", "demo", "--output-dir", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("9 resources")
        .contains("validated with Istio 1.22.8's rules: 0 error(s)")
        .contains("read them back: identical values")
        .contains("spec.http[0].route[0].weight: weight -10 < 0")
        .contains("6. analyzed with Istio's analyzers (36 resources with Services, Deployments and Pods): 1 message(s), 0 error(s)")
        .contains("7. built the mesh snapshot: 4 services with 6 endpoints, 6 workloads with their Sidecar and policies, 0 problem(s)")
        .contains("8. injected the sidecar into reviews-v2: ", " with istio-init and istio-proxy: yes")
        .endsWith("demo: ok\n");
  }

  @Test
  @DisplayName("the configuration the demo writes passes meshctl validate")
  void writtenConfigValidates() {
    MeshctlValidateTest.meshctl("", "demo", "--output-dir", dir.toString());
    MeshctlValidateTest.Run r = MeshctlValidateTest.meshctl("", "validate", "-f", dir.resolve("bookinfo.yaml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("valid: 9 resource(s) in 1 file(s), 0 error(s)");
  }
}
