package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install}, {@code verify-install}, {@code uninstall} and {@code x precheck} end to end against
 * fabric8's mock API server in CRUD mode, reached through a kubeconfig file as a user's cluster would be.
 */
@EnableKubernetesMockClient(crud = true)
class MeshctlClusterTest {
  KubernetesMockServer server;
  KubernetesClient kube;

  @TempDir Path dir;
  private String kubeconfig;

  @BeforeEach
  void writeKubeconfig() throws IOException {
    kubeconfig = kubeconfig(dir, kube).toString();
  }

  /** A kubeconfig file in {@code dir} whose current context is {@code kube}'s (mock) API server. */
  static Path kubeconfig(Path dir, KubernetesClient kube) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        contexts:
        - name: mock
          context:
            cluster: mock
            user: mock
        current-context: mock
        users:
        - name: mock
          user:
            token: not-a-secret
        """.formatted(kube.getConfiguration().getMasterUrl()));
    return file;
  }

  @Test
  @DisplayName("install applies the minimal profile, verify-install names what is not ready, uninstall --purge removes it all")
  void installVerifyUninstall() {
    MeshctlValidateTest.Run install = meshctl("", "install", "--kubeconfig", kubeconfig, "--set", "profile=minimal",
        "--apply-mode", "CREATE_OR_REPLACE", "--readiness-timeout", "PT0S", "-y");

    assertThat(install.code()).as(install.err()).isZero();
    assertThat(install.out()).contains("- applying crds (", "- applying webhooks (", "✔ Installation complete");
    assertThat(kube.apps().deployments().inNamespace("istio-system").withName("istiod").get()).isNotNull();
    assertThat(kube.configMaps().inNamespace("istio-system").withName("istio").get()).isNotNull();

    MeshctlValidateTest.Run verify = meshctl("", "verify-install", "--kubeconfig", kubeconfig, "--set", "profile=minimal");

    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.err()).contains("error: Deployment istio-system/istiod is not ready: no status reported yet");

    MeshctlValidateTest.Run uninstall = meshctl("", "uninstall", "--kubeconfig", kubeconfig, "--purge", "-y");

    assertThat(uninstall.code()).as(uninstall.err()).isZero();
    assertThat(kube.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
    assertThat(kube.apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
  }

  @Test
  @DisplayName("uninstall without --purge, --revision or -f is a usage error; a bad --set is bad input and touches nothing")
  void uninstallNeedsAScope() {
    assertThat(meshctl("", "uninstall", "--kubeconfig", kubeconfig).code()).isEqualTo(2);
    MeshctlValidateTest.Run bad = meshctl("", "install", "--kubeconfig", kubeconfig, "--set", "components.pilot.enabeld=false");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("components.pilot.enabeld");
    assertThat(kube.namespaces().list().getItems()).isEmpty();
  }

  @Test
  @DisplayName("a kubeconfig that cannot be read is one error line naming the file, for every cluster command")
  void unreadableKubeconfig() {
    String missing = dir.resolve("no-such-kubeconfig").toString();
    for (String[] command : new String[][] {{"install", "--set", "profile=minimal"}, {"verify-install"},
        {"uninstall", "--purge"}, {"x", "precheck"}, {"x", "operator", "--once"}, {"x", "check-inject", "-n", "apps"}}) {
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
          java.util.stream.Stream.of("--kubeconfig", missing)).toArray(String[]::new);

      MeshctlValidateTest.Run run = meshctl("", args);

      assertThat(run.code()).as(String.join(" ", command)).isEqualTo(Meshctl.EXIT_FAILURE);
      assertThat(run.err()).as(String.join(" ", command)).isEqualTo("error: cannot read kubeconfig " + missing + "\n");
    }
  }

  @Test
  @DisplayName("x precheck passes on a supported cluster and fails with IST0142 on an old one")
  void precheck() {
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(201, new SelfSubjectAccessReviewBuilder().withNewStatus().withAllowed(true).endStatus().build())
        .always();
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("29").withGitVersion("v1.29.0").build());

    MeshctlValidateTest.Run ok = meshctl("", "x", "precheck", "--kubeconfig", kubeconfig);

    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("✔ No issues found when checking the cluster");

    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("24").withGitVersion("v1.24.9").build());
    MeshctlValidateTest.Run old = meshctl("", "x", "precheck", "--kubeconfig", kubeconfig);

    assertThat(old.code()).isEqualTo(1);
    assertThat(old.out()).contains("Error [IST0142] The Kubernetes Version \"v1.24.9\" is lower than the minimum version: 1.27");
  }

  @Test
  @DisplayName("x operator --once reconciles each IstioOperator: a valid one is installed, a broken one is ERROR with exit 1")
  void operatorOnce() {
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("29").withGitVersion("v1.29.0").build());
    var operators = kube.genericKubernetesResources(dev.meshwright.fabric8.ResourceDefinitions.context(
        dev.meshwright.api.operator.IstioOperator.KIND));
    operators.inNamespace("istio-system").resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion("install.istio.io/v1alpha1").withKind("IstioOperator").withNewMetadata().withName("minimal")
        .withNamespace("istio-system").endMetadata()
        .addToAdditionalProperties("spec", java.util.Map.of("profile", "minimal")).build()).create();

    MeshctlValidateTest.Run run = meshctl("", "x", "operator", "--once", "--kubeconfig", kubeconfig,
        "--apply-mode", "CREATE_OR_REPLACE");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("IstioOperator istio-system/minimal: RECONCILING: waiting for");
    assertThat(kube.apps().deployments().inNamespace("istio-system").withName("istiod").get().getMetadata().getLabels())
        .containsEntry("install.operator.istio.io/owning-resource", "minimal");

    operators.inNamespace("istio-system").resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion("install.istio.io/v1alpha1").withKind("IstioOperator").withNewMetadata().withName("broken")
        .withNamespace("istio-system").endMetadata()
        .addToAdditionalProperties("spec", java.util.Map.of("profile", "no-such-profile")).build()).create();

    MeshctlValidateTest.Run broken = meshctl("", "x", "operator", "--once", "--kubeconfig", kubeconfig,
        "--apply-mode", "CREATE_OR_REPLACE");

    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.out()).contains("IstioOperator istio-system/broken: ERROR: ", "no-such-profile");
  }

  @Test
  @DisplayName("x check-inject -n NS asks the cluster: the namespace's pods and labels against the installed webhooks")
  void checkInjectAgainstTheCluster() {
    kube.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName("apps")
        .addToLabels("istio-injection", "enabled").endMetadata().build()).create();
    kube.pods().inNamespace("apps").resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
        .withName("web").withNamespace("apps").addToLabels("app", "web").endMetadata().build()).create();
    kube.pods().inNamespace("apps").resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
        .withName("db").withNamespace("apps").addToAnnotations("sidecar.istio.io/inject", "false").endMetadata()
        .build()).create();
    kube.admissionRegistration().v1().mutatingWebhookConfigurations().resource(
        new io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder()
            .withNewMetadata().withName("istio-sidecar-injector").addToLabels("istio.io/rev", "default")
            .endMetadata().build()).create();

    MeshctlValidateTest.Run run = meshctl("", "x", "check-inject", "-n", "apps", "--kubeconfig", kubeconfig);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Pod apps/web (Pod)",
        "INJECTED: istio-sidecar-injector (revision default): Namespace label istio-injection=enabled matches",
        "Pod apps/db (Pod)", "NOT INJECTED: Pod has sidecar.istio.io/inject=false");
    assertThat(run.err()).contains("warning: ConfigMap istio-system/istio-sidecar-injector not found");
  }
}
