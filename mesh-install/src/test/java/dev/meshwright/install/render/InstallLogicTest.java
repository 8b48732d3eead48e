package dev.meshwright.install.render;

import static dev.meshwright.install.render.ManifestRendererTest.find;
import static dev.meshwright.install.render.ManifestRendererTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** manifest generate's operator logic over the 1.22.8 charts, with inputs the corpus does not use. */
class InstallLogicTest {
  private static List<String> envNames(JsonNode container) {
    List<String> names = new ArrayList<>();
    container.path("env").forEach(e -> names.add(e.path("name").asText()));
    return names;
  }

  @Test
  @DisplayName("by default the release hub and tag name every image, chart label and injector value")
  void releaseDefaults() {
    Manifest m = render("  profile: ambient\n");

    assertThat(find(m, "Deployment", "istiod").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("docker.io/istio/pilot:1.22.8-distroless");
    assertThat(find(m, "DaemonSet", "ztunnel").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("docker.io/istio/ztunnel:1.22.8-distroless");
    assertThat(find(m, "DaemonSet", "istio-cni-node").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("docker.io/istio/install-cni:1.22.8-distroless");
    assertThat(find(m, "ConfigMap", "istio-sidecar-injector").at("/data/values").asText())
        .contains("\"hub\": \"docker.io/istio\"", "\"tag\": \"1.22.8\"");
  }

  @Test
  @DisplayName("k8s.env patches merge as Kubernetes orders them: a patched entry keeps its place, new ones follow it")
  void k8sEnvOrder() {
    Manifest m = render("""
          components:
            pilot:
              k8s:
                env:
                - name: POD_NAME
                  valueFrom: {fieldRef: {apiVersion: v1, fieldPath: new.path}}
                - name: NEW_A
                  value: a
                - name: NEW_B
                  value: b
        """);
    JsonNode c = find(m, "Deployment", "istiod").at("/spec/template/spec/containers/0");

    assertThat(envNames(c).subList(0, 6))
        .containsExactly("REVISION", "PILOT_CERT_PROVIDER", "POD_NAME", "NEW_A", "NEW_B", "POD_NAMESPACE");
    assertThat(c.at("/env/2/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("new.path");
  }

  @Test
  @DisplayName("revision, namespace, values.pilot.env and values.global.hub flow into names, env and images")
  void valuesAndRevision() {
    Manifest m = render("""
          revision: canary
          components:
            pilot:
              namespace: mesh
          values:
            global:
              hub: reg.example/istio
            pilot:
              env:
                PILOT_ENABLE_STATUS: true
        """);
    JsonNode d = find(m, "Deployment", "istiod-canary");

    assertThat(d.at("/metadata/namespace").asText()).isEqualTo("mesh");
    assertThat(d.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("reg.example/istio/pilot:1.22.8");
    assertThat(d.at("/spec/template/spec/containers/0/env").toString())
        .contains("{\"name\":\"PILOT_ENABLE_STATUS\",\"value\":\"true\"}");
    assertThat(find(m, "MutatingWebhookConfiguration", "istio-sidecar-injector-canary-mesh")).isNotNull();
    assertThat(find(m, "ConfigMap", "istio-canary").at("/data/mesh").asText())
        .contains("discoveryAddress: istiod-canary.mesh.svc:15012");
  }
}
