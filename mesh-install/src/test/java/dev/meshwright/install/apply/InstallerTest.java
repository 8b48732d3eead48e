package dev.meshwright.install.apply;

import static dev.meshwright.install.apply.TestManifests.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Installs against fabric8's mock API server in CRUD mode (create-or-replace, as it has no server-side apply). */
@EnableKubernetesMockClient(crud = true)
class InstallerTest {
  KubernetesMockServer server;
  KubernetesClient kube;

  private final ApplyOptions options = ApplyOptions.defaults().withMode(ApplyMode.CREATE_OR_REPLACE)
      .withReadinessTimeout(Duration.ofSeconds(30));

  @Test
  @DisplayName("objects are applied phase by phase (CRDs, namespaces, RBAC, config, workloads, webhooks) and the install waits for istiod")
  void appliesInDependencyOrderAndWaits() throws InterruptedException {
    FakeTime time = new FakeTime().onSleep(() -> TestManifests.markDeploymentsReady(kube));
    RecordingListener progress = new RecordingListener();

    InstallReport report = new Installer(kube, options, time, time)
        .install(TestManifests.controlPlane("default", "trustDomain: cluster.local"), progress);

    assertThat(report.succeeded()).as(report.summary() + report.notReady()).isTrue();
    assertThat(progress.phases()).containsExactly("phase CRDS 1", "phase NAMESPACES 1", "phase RBAC 2",
        "phase CONFIG 1", "phase WORKLOADS 2", "phase WEBHOOKS 1");
    assertThat(progress.lines).contains("waiting Deployment istio-system/istiod: no status reported yet",
        "ready Deployment istio-system/istiod");
    assertThat(progress.lines.indexOf("done MutatingWebhookConfiguration istio-sidecar-injector"))
        .isGreaterThan(progress.lines.indexOf("done Deployment istio-system/istiod"));
    assertThat(kube.configMaps().inNamespace(NS).withName("istio").get().getData())
        .containsEntry("mesh", "trustDomain: cluster.local");
    assertThat(kube.apiextensions().v1().customResourceDefinitions()
        .withName("virtualservices.networking.istio.io").get()).isNotNull();
    assertThat(time.sleeps).isEqualTo(1);
  }

  @Test
  @DisplayName("running the install again updates changed objects in place (idempotent)")
  void rerunConverges() throws InterruptedException {
    FakeTime time = new FakeTime().onSleep(() -> TestManifests.markDeploymentsReady(kube));
    Installer installer = new Installer(kube, options, time, time);
    installer.install(TestManifests.controlPlane("default", "trustDomain: one"), ProgressListener.NONE);

    InstallReport again = installer.install(TestManifests.controlPlane("default", "trustDomain: two"),
        ProgressListener.NONE);

    assertThat(again.succeeded()).as(again.summary()).isTrue();
    assertThat(again.applied()).hasSize(8);
    assertThat(kube.configMaps().inNamespace(NS).withName("istio").get().getData())
        .containsEntry("mesh", "trustDomain: two");
    assertThat(kube.apps().deployments().inNamespace(NS).list().getItems()).hasSize(1);
  }

  @Test
  @DisplayName("a workload that never becomes ready is reported with the last reason once the timeout passes")
  void readinessTimeout() throws InterruptedException {
    FakeTime time = new FakeTime();

    InstallReport report = new Installer(kube, options, time, time)
        .install(TestManifests.controlPlane("default", "{}"), ProgressListener.NONE);

    assertThat(report.succeeded()).isFalse();
    assertThat(report.failed()).isEmpty();
    assertThat(report.notReady()).containsExactly(
        java.util.Map.entry(new ObjectRef("Deployment", NS, "istiod"), "no status reported yet"));
    assertThat(time.instant()).isEqualTo(java.time.Instant.parse("2026-11-27T12:00:30Z"));
  }

  @Test
  @DisplayName("a failure stops the install before the next phase, names the object and the server's message, and a re-run converges")
  void failureMidInstall() throws InterruptedException {
    server.expect().post().withPath("/api/v1/namespaces/istio-system/serviceaccounts")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("serviceaccounts is forbidden: User \"dev\" cannot create resource").build())
        .once();
    FakeTime time = new FakeTime().onSleep(() -> TestManifests.markDeploymentsReady(kube));
    Installer installer = new Installer(kube, options, time, time);

    InstallReport first = installer.install(TestManifests.controlPlane("default", "{}"), ProgressListener.NONE);

    assertThat(first.failed()).containsOnlyKeys(new ObjectRef("ServiceAccount", NS, "istiod"));
    assertThat(first.failed().values()).singleElement().asString().contains("cannot create resource");
    assertThat(first.skipped()).extracting(ObjectRef::kind)
        .containsExactlyInAnyOrder("ConfigMap", "Deployment", "Service", "MutatingWebhookConfiguration");
    assertThat(kube.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems()).isEmpty();
    assertThat(kube.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();

    InstallReport second = installer.install(TestManifests.controlPlane("default", "{}"), ProgressListener.NONE);

    assertThat(second.succeeded()).as(second.summary()).isTrue();
    assertThat(kube.serviceAccounts().inNamespace(NS).withName("istiod").get()).isNotNull();
  }

  @Test
  @DisplayName("a manifest with a nameless or duplicated object is refused before anything is written")
  void malformedManifestIsRefusedWhole() {
    List<HasMetadata> manifest = new ArrayList<>(TestManifests.controlPlane("default", "{}"));
    manifest.add(new ConfigMapBuilder().withNewMetadata().withNamespace(NS).endMetadata().build());
    manifest.add(new ConfigMapBuilder().withNewMetadata().withName("istio").withNamespace(NS).endMetadata().build());
    FakeTime time = new FakeTime();

    assertThatThrownBy(() -> new Installer(kube, options, time, time).install(manifest, ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("object [8] (ConfigMap): metadata.name: required")
        .hasMessageContaining("object [9] (ConfigMap istio-system/istio): appears more than once");
    assertThat(kube.namespaces().list().getItems()).isEmpty();
  }
}
