package dev.meshwright.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodChangesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("lists the init containers, containers, volumes, annotation and label keys a pod template gained")
  void additions() throws Exception {
    JsonNode before = JSON.readTree("""
        {"kind":"Deployment","spec":{"template":{"metadata":{"labels":{"app":"a"}},
         "spec":{"containers":[{"name":"app"}],"volumes":[{"name":"data"}]}}}}""");
    JsonNode after = JSON.readTree("""
        {"kind":"Deployment","spec":{"template":{"metadata":{"labels":{"app":"a","security.istio.io/tlsMode":"istio"},
         "annotations":{"sidecar.istio.io/status":"{}"}},
         "spec":{"initContainers":[{"name":"istio-init"}],"containers":[{"name":"app"},{"name":"istio-proxy"}],
                 "volumes":[{"name":"data"},{"name":"istio-envoy"}]}}}}""");
    PodChanges c = PodChanges.between(before, after);
    assertThat(c.sidecarAdded()).isTrue();
    assertThat(c.lines()).containsExactly(
        "+ init containers istio-init",
        "+ containers      istio-proxy",
        "+ volumes         istio-envoy",
        "+ annotations     sidecar.istio.io/status",
        "+ labels          security.istio.io/tlsMode");
    assertThat(PodChanges.between(before, before).lines()).isEmpty();
    assertThat(PodChanges.between(before, before).sidecarAdded()).isFalse();
  }
}
