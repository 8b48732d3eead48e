package dev.meshwright.install.apply;

import static dev.meshwright.install.apply.TestManifests.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Uninstalls against fabric8's mock API server in CRUD mode, with two revisions installed side by side. */
@EnableKubernetesMockClient(crud = true)
class UninstallerTest {
  KubernetesClient kube;

  private final List<HasMetadata> stable = TestManifests.controlPlane("default", "{}");
  private final List<HasMetadata> canary = TestManifests.controlPlane("canary", "{}");

  @BeforeEach
  void installBothRevisions() throws InterruptedException {
    ApplyOptions options = ApplyOptions.defaults().withMode(ApplyMode.CREATE_OR_REPLACE)
        .withReadinessTimeout(Duration.ZERO);
    FakeTime time = new FakeTime();
    Installer installer = new Installer(kube, options, time, time);
    assertThat(installer.install(stable, ProgressListener.NONE).failed()).isEmpty();
    assertThat(installer.install(canary, ProgressListener.NONE).failed()).isEmpty();
  }

  @Test
  @DisplayName("uninstalling one revision deletes only its objects, webhooks first; CRDs, the namespace and the other revision stay")
  void revisionOnly() {
    RecordingListener progress = new RecordingListener();

    UninstallReport report = new Uninstaller(kube).uninstall(canary, UninstallOptions.revision("canary"), progress);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.deleted()).extracting(ObjectRef::toString).containsExactly(
        "MutatingWebhookConfiguration istio-sidecar-injector-canary", "Service istio-system/istiod-canary",
        "Deployment istio-system/istiod-canary", "ConfigMap istio-system/istio-canary",
        "ClusterRole istiod-clusterrole-canary-istio-system", "ServiceAccount istio-system/istiod-canary");
    assertThat(report.kept()).extracting(ObjectRef::kind).containsExactlyInAnyOrder("Namespace",
        "CustomResourceDefinition");
    assertThat(kube.apps().deployments().inNamespace(NS).list().getItems()).extracting(d -> d.getMetadata().getName())
        .containsExactly("istiod");
    assertThat(kube.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(1);
    assertThat(progress.phases()).first().isEqualTo("phase WEBHOOKS 1");
  }

  @Test
  @DisplayName("purge removes every installed object of every revision and the Istio CRDs, but not the namespace; a second run finds nothing")
  void purge() {
    UninstallReport report = new Uninstaller(kube).uninstall(stable, UninstallOptions.purgeAll(), ProgressListener.NONE);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.deleted()).hasSize(13);
    assertThat(kube.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
    assertThat(kube.rbac().clusterRoles().list().getItems()).isEmpty();
    assertThat(kube.apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
    assertThat(kube.namespaces().withName(NS).get()).isNotNull();

    UninstallReport again = new Uninstaller(kube).uninstall(stable, UninstallOptions.purgeAll(), ProgressListener.NONE);

    assertThat(again.deleted()).isEmpty();
    assertThat(again.absent()).hasSize(7);
  }

  @Test
  @DisplayName("verify-install reports missing objects and workloads that are not ready")
  void verify() {
    List<HasMetadata> manifest = new ArrayList<>(stable);
    manifest.add(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("never-applied")
        .withNamespace(NS).endMetadata().build());

    VerifyReport report = new InstallVerifier(kube).verify(manifest, ProgressListener.NONE);

    assertThat(report.verified()).isFalse();
    assertThat(report.missing()).containsExactly(new ObjectRef("ConfigMap", NS, "never-applied"));
    assertThat(report.notReady()).containsOnlyKeys(new ObjectRef("Deployment", NS, "istiod"),
        new ObjectRef("CustomResourceDefinition", "", "virtualservices.networking.istio.io"));

    TestManifests.markDeploymentsReady(kube);
    var crd = kube.apiextensions().v1().customResourceDefinitions().withName("virtualservices.networking.istio.io").get();
    crd.setStatus(new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatusBuilder()
        .addNewCondition().withType("Established").withStatus("True").endCondition().build());
    kube.apiextensions().v1().customResourceDefinitions().resource(crd).update();

    assertThat(new InstallVerifier(kube).verify(stable, ProgressListener.NONE).verified()).isTrue();
  }
}
