package dev.meshwright.install.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code x precheck} against the mock API server: CRUD for deployments, recorded answers for /version and access reviews. */
@EnableKubernetesMockClient(crud = true)
class PrecheckTest {
  private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  KubernetesMockServer server;
  KubernetesClient kube;

  private void version(String minor, String gitVersion) {
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor(minor).withGitVersion(gitVersion).build());
  }

  private void access(boolean allowed) {
    server.expect().post().withPath(REVIEWS).andReturn(201, new SelfSubjectAccessReviewBuilder().withNewStatus()
        .withAllowed(allowed).withReason(allowed ? null : "RBAC: access denied").endStatus().build()).always();
  }

  @Test
  @DisplayName("a supported cluster with every permission and no control plane passes")
  void clean() {
    version("29+", "v1.29.4-gke.1");
    access(true);

    assertThat(new Precheck(kube).run("istio-system", "default")).isEmpty();
  }

  @Test
  @DisplayName("Kubernetes older than 1.27 is IST0142 with the server's version")
  void oldKubernetes() {
    version("25", "v1.25.3");
    access(true);

    assertThat(new Precheck(kube).run("istio-system", "default")).extracting(PrecheckMessage::toString)
        .containsExactly("Error [IST0142] The Kubernetes Version \"v1.25.3\" is lower than the minimum version: 1.27");
  }

  @Test
  @DisplayName("every missing permission is one IST0141 naming the resource and the server's reason")
  void missingPermissions() {
    version("30", "v1.30.0");
    access(false);

    assertThat(new Precheck(kube).run("istio-system", "default"))
        .hasSize(14)
        .allSatisfy(m -> assertThat(m.code()).isEqualTo("IST0141"))
        .extracting(PrecheckMessage::text)
        .contains("Missing required permission to create resource customresourcedefinitions.apiextensions.k8s.io"
            + " (RBAC: access denied)", "Missing required permission to create resource namespaces (RBAC: access denied)");
  }

  @Test
  @DisplayName("installed control planes are listed, and installing an existing revision again is a warning")
  void existingControlPlanes() {
    version("30", "v1.30.0");
    access(true);
    kube.apps().deployments().inNamespace("istio-system").resource(new DeploymentBuilder().withNewMetadata()
        .withName("istiod-canary").withNamespace("istio-system").addToLabels("app", "istiod")
        .addToLabels("istio.io/rev", "canary").endMetadata().build()).create();

    assertThat(new Precheck(kube).run("istio-system", "canary")).extracting(PrecheckMessage::toString).containsExactly(
        "Info control plane revision \"canary\" is installed in namespace istio-system",
        "Warning revision \"canary\" is already installed; installing it again upgrades it in place"
            + " (use --revision for a canary)");
  }
}
