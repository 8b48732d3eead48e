package dev.meshwright.install.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
  @Test
  @DisplayName("Helm --set writes typed values through maps and list indexes, creating what is missing")
  void set() {
    ObjectNode v = JsonNodeFactory.instance.objectNode();

    assertThat(ChartRenderer.set(v, "pilot.replicaCount=2")).isEmpty();
    assertThat(ChartRenderer.set(v, "service.ports[1].port=8080")).isEmpty();
    assertThat(ChartRenderer.set(v, "labels.team=mesh")).isEmpty();

    assertThat(v.toString()).isEqualTo(
        "{\"pilot\":{\"replicaCount\":2},\"service\":{\"ports\":[{},{\"port\":8080}]},\"labels\":{\"team\":\"mesh\"}}");
    assertThat(ChartRenderer.set(v, "nothing")).get().asString().contains("expected path=value");
  }

  @Test
  @DisplayName("the gateway chart renders its objects with selector labels derived from the name")
  void gateway() {
    Manifest m = ChartRenderer.render(HelmChart.GATEWAY, JsonNodeFactory.instance.objectNode(), "ns", "istio-edge")
        .manifest().orElseThrow();

    assertThat(m.objects()).extracting(ManifestObject::key).containsExactly(
        "ServiceAccount:ns:istio-edge", "Deployment:ns:istio-edge", "Role:ns:istio-edge",
        "RoleBinding:ns:istio-edge", "HorizontalPodAutoscaler:ns:istio-edge", "Service:ns:istio-edge");
    assertThat(ManifestRendererTest.find(m, "Service", "istio-edge").at("/spec/selector").toString())
        .isEqualTo("{\"app\":\"istio-edge\",\"istio\":\"edge\"}");
  }
}
