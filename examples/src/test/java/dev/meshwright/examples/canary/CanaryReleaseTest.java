package dev.meshwright.examples.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.examples.LocalCluster;
import dev.meshwright.fabric8.kube.MeshClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanaryReleaseTest {
  private final LocalCluster cluster = LocalCluster.start();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  @DisplayName("the 90/10 canary is valid, printed as v1 YAML, applied, and read back with the same specs")
  void appliesAndReadsBack() {
    List<IstioResource<?>> built = List.of(CanaryRelease.virtualService(10), CanaryRelease.destinationRule());

    CanaryRelease.Outcome outcome = CanaryRelease.run(built, cluster.client(), out);

    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.yaml()).contains("apiVersion: networking.istio.io/v1", "kind: VirtualService",
        "kind: DestinationRule", "weight: 90", "weight: 10", "subset: v2");
    assertThat(outcome.stored()).hasSize(2);
    for (int i = 0; i < built.size(); i++) {
      assertThat(outcome.stored().get(i).spec()).isEqualTo(built.get(i).spec());
      assertThat(outcome.stored().get(i).metadata().resourceVersion()).isPresent();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("applied VirtualService shop/reviews", "applied DestinationRule shop/reviews");
  }

  @Test
  @DisplayName("a 120% canary leaves v1 at weight -20: Istio's validation error, and nothing is applied")
  void invalidIsNotApplied() {
    CanaryRelease.Outcome outcome = CanaryRelease.run(
        List.of(CanaryRelease.virtualService(120), CanaryRelease.destinationRule()), cluster.client(), out);

    assertThat(outcome.problems()).anyMatch(d -> d.isError() && d.path().equals("spec.http[0].route[0].weight")
        && d.message().equals("weight -20 < 0"));
    assertThat(outcome.stored()).isEmpty();
    assertThat(MeshClient.of(cluster.client()).list(VirtualService.KIND, CanaryRelease.NAMESPACE)).isEmpty();
  }
}
