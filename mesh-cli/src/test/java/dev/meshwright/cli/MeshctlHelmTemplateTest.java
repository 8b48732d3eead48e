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
  @DisplayName("x helm-template base renders the CRDs and, with Helm's default revision, istiod-default-validator")
  void base() {
    MeshctlValidateTest.Run r = meshctl("", "x", "helm-template", "base");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("name: virtualservices.networking.istio.io\n", "name: istiod-default-validator\n");
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
  @DisplayName("an unknown chart is a usage error; an unknown Helm profile or bad --set exits 1")
  void errors() {
    assertThat(meshctl("", "x", "helm-template", "nope").code()).isEqualTo(2);
    MeshctlValidateTest.Run profile = meshctl("", "x", "helm-template", "istiod", "--set", "profile=bogus");
    assertThat(profile.code()).isEqualTo(1);
    assertThat(profile.err()).contains("unknown Helm profile bogus");
    assertThat(meshctl("", "x", "helm-template", "istiod", "--set", "noequals").code()).isEqualTo(1);
  }
}
