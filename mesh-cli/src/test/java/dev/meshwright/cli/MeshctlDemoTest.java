package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlDemoTest {
  @TempDir Path dir;

  @Test
  @DisplayName("meshctl demo, headless: renders the demo profile, injects, analyzes clean and catches the deliberate "
      + "IST0101, shifts proxyless traffic v1 → 50/50 → v3, shows the NACK, closes every port and exits 0; "
      + "the config it writes passes meshctl validate")
  void demo() {
    MeshctlValidateTest.Run r = MeshctlValidateTest.meshctl("", "demo", "--output-dir", dir.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("1\\. Install: the demo profile renders \\d+ objects")
        .contains("by component: Base ", "IngressGateways ", "EgressGateways ")
        .contains("components.egressGateways[0].enabled: false → true")
        .containsPattern("2\\. Sidecar injection: kube-injected 6 Bookinfo Deployments, 6 got istio-init \\+ istio-proxy")
        .contains("+ init containers istio-init", "+ containers      istio-proxy")
        .contains("3. Bookinfo config: 9 resources built with typed builders")
        .contains("validated with Istio 1.22.8's rules: 0 error(s)", "read back: identical values")
        .containsPattern("analyzed with Istio's analyzers \\(\\d+ resources: [^)]*\\): 0 message\\(s\\)")
        .contains("Error [IST0101] (VirtualService bookinfo/reviews bookinfo-mistake)",
            "reviews.bookinfo.svc.cluster.local+v4", "caught: IST0101")
        .contains("spec.http[0].route[0].weight: weight -10 < 0")
        .contains("4 services with 6 endpoints, 6 workloads with their Sidecar and policies, 0 problem(s)")
        .contains("4. Control plane: ", "5. Bookinfo traffic: ", "6. Traffic shifted live")
        .containsPattern("reviews: 100% v1 +→ 200 calls: reviews-v1=200\n")
        .containsPattern("reviews: 50% v1 / 50% v3 → 400 calls: reviews-v1=\\d+, reviews-v3=\\d+\n")
        .containsPattern("reviews: 100% v3 +→ 400 calls: reviews-v3=400\n")
        .contains("ERROR productpage-v1-demo.bookinfo CDS: ", "traffic keeps flowing on the last good config: "
            + "reviews-v3=200", "CDS is SYNCED again")
        .containsPattern("7\\. Shutdown: .* \\d+ ports refuse connections")
        .doesNotContain("IST0162")
        .endsWith("demo: ok\n");

    MeshctlValidateTest.Run v = MeshctlValidateTest.meshctl("", "validate", "-f", dir.resolve("bookinfo.yaml").toString());
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("valid: 9 resource(s) in 1 file(s), 0 error(s)");
  }
}
