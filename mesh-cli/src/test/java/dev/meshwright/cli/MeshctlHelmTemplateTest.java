package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlHelmTemplateTest {
  @TempDir Path dir;

  @Test
  @DisplayName("x helm-template base renders, as helm template does, no CRDs (they sit in crds/) unless "
      + "base.enableCRDTemplates, and with Helm's default revision the istiod-default-validator")
  void base() {
    MeshctlValidateTest.Run r = meshctl("", "x", "helm-template", "base");
    MeshctlValidateTest.Run crds = meshctl("", "x", "helm-template", "base", "--set", "base.enableCRDTemplates=true");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("name: istiod-default-validator\n", "release: istio\n")
        .doesNotContain("CustomResourceDefinition");
    assertThat(crds.out()).contains("name: virtualservices.networking.istio.io\n");
  }

  @Test
  @DisplayName("x helm-template istiod reads values files (with Istio's defaults: root) and --set, labels the release")
  void istiod() throws IOException {
    Path values = dir.resolve("values.yaml");
    Files.writeString(values, "defaults:\n  pilot:\n    autoscaleEnabled: false\n    replicaCount: 3\nrevision: canary\n");

    MeshctlValidateTest.Run r = meshctl("", "x", "helm-template", "istio-control/istio-discovery", "-f",
        values.toString(), "--set", "pilot.replicaCount=2", "--release", "mine");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("name: istiod-canary\n", "replicas: 2\n", "release: mine\n")
        .doesNotContain("kind: HorizontalPodAutoscaler");
  }

  @Test
  @DisplayName("x helm-template gateway names the gateway after the release and leaves the image to injection")
  void gateway() {
    MeshctlValidateTest.Run r = meshctl("", "x", "helm-template", "gateway", "--release", "edge", "-n", "gw",
        "--set", "service.type=ClusterIP");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("kind: Deployment\nmetadata:\n", "name: edge\n", "namespace: gw\n",
        "image: auto\n", "inject.istio.io/templates: gateway\n", "type: ClusterIP\n", "istio: edge\n");
  }

  @Test
  @DisplayName("x helm-template cni and ztunnel render the ambient node agents as DaemonSets with their settings")
  void cniAndZtunnel() throws IOException {
    Path values = dir.resolve("cni.yaml");
    Files.writeString(values, "defaults:\n  cni:\n    ambient:\n      enabled: true\n    logLevel: debug\n");

    MeshctlValidateTest.Run cni = meshctl("", "x", "helm-template", "istio-cni", "-f", values.toString(),
        "-n", "kube-system");

    assertThat(cni.code()).as(cni.err()).isZero();
    assertThat(cni.out()).contains("kind: DaemonSet\n", "name: istio-cni-node\n", "namespace: kube-system\n",
        "name: istio-cni-ambient\n", "name: LOG_LEVEL\n", "hostNetwork: true\n",
        "name: cni-ztunnel-sock-dir\n");

    MeshctlValidateTest.Run ztunnel = meshctl("", "x", "helm-template", "ztunnel", "--set", "hub=example.com/istio",
        "--set", "tag=1.22.8");

    assertThat(ztunnel.code()).as(ztunnel.err()).isZero();
    assertThat(ztunnel.out()).contains("kind: DaemonSet\n", "name: ztunnel\n", "example.com/istio/ztunnel:1.22.8",
        "name: INPOD_ENABLED\n");
  }

  @Test
  @DisplayName("an unknown chart is a usage error; an unknown Helm profile or bad --set exits 1")
  void errors() {
    assertThat(meshctl("", "x", "helm-template", "nope").code()).isEqualTo(2);
    MeshctlValidateTest.Run profile = meshctl("", "x", "helm-template", "istiod", "--set", "profile=bogus");
    assertThat(profile.code()).isEqualTo(1);
    assertThat(profile.err()).contains("unknown profile bogus");
    assertThat(meshctl("", "x", "helm-template", "istiod", "--set", "noequals").code()).isEqualTo(1);
  }
}
