package dev.meshwright.examples.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.examples.LocalCluster;
import dev.meshwright.examples.install.RevisionUpgrade.State;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RevisionUpgradeTest {
  private final LocalCluster cluster = LocalCluster.start();
  private final KubernetesClient kube = cluster.client();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  @DisplayName("install 1-22-8, add canary side by side, move the namespace label, remove 1-22-8: each step leaves what Istio's guide says")
  void canaryUpgrade() throws InterruptedException {
    List<State> states = RevisionUpgrade.run(kube,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(states).extracting(State::istiods).containsExactly(
        List.of("istiod-1-22-8"),
        List.of("istiod-1-22-8", "istiod-canary"),
        List.of("istiod-1-22-8", "istiod-canary"),
        List.of("istiod-canary"));
    assertThat(states).extracting(State::injectors).containsExactly(
        List.of("istio-sidecar-injector-1-22-8"),
        List.of("istio-sidecar-injector-1-22-8", "istio-sidecar-injector-canary"),
        List.of("istio-sidecar-injector-1-22-8", "istio-sidecar-injector-canary"),
        List.of("istio-sidecar-injector-canary"));
    assertThat(states).extracting(State::namespaceRevision).containsExactly("1-22-8", "1-22-8", "canary", "canary");
    assertThat(kube.apiextensions().v1().customResourceDefinitions()
        .withName("virtualservices.networking.istio.io").get()).as("the shared CRDs stay").isNotNull();
  }

  @Test
  @DisplayName("the overlay reaches the cluster: istiod's resource requests and the mesh config's access log")
  void overlayApplied() throws InterruptedException {
    RevisionUpgrade.run(kube, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    Deployment istiod = kube.apps().deployments().inNamespace("istio-system").withName("istiod-canary").get();
    assertThat(istiod.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
        .containsKeys("cpu", "memory")
        .hasEntrySatisfying("cpu", q -> assertThat(q.toString()).isEqualTo("250m"));
    ConfigMap mesh = kube.configMaps().inNamespace("istio-system").withName("istio-canary").get();
    assertThat(mesh.getData().get("mesh")).contains("accessLogFile: /dev/stdout");
  }
}
