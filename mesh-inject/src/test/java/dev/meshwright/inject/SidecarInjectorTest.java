package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SidecarInjectorTest {
  private static final WorkloadRef WORKLOAD = new WorkloadRef("apps/v1", "Deployment", "web", "shop");

  private static ObjectNode pod(String annotations) throws IOException {
    return (ObjectNode) MeshJackson.yaml().readTree("""
        metadata: {labels: {app: web}, annotations: {%s}}
        spec: {containers: [{name: web, image: nginx}]}
        """.formatted(annotations));
  }

  private static JsonNode proxy(InjectionResult r) {
    return Json.named(r.pod().at("/spec/containers"), "istio-proxy").orElseThrow();
  }

  @Test
  @DisplayName("resource annotations replace the values' resources; only the ones set are written, canonically")
  void resourceAnnotations() throws Exception {
    InjectionResult r = SidecarInjector.inject(pod("sidecar.istio.io/proxyCPU: 250m, "
        + "sidecar.istio.io/proxyMemoryLimit: 2048Mi"), WORKLOAD, InjectionSettings.defaults());
    assertThat(proxy(r).get("resources").toString()).isEqualTo("{\"requests\":{\"cpu\":\"250m\"},\"limits\":{\"memory\":\"2Gi\"}}");
    JsonNode init = Json.named(r.pod().at("/spec/initContainers"), "istio-init").orElseThrow();
    assertThat(init.get("resources")).isEqualTo(proxy(r).get("resources"));

    InjectionResult plain = SidecarInjector.inject(pod(""), WORKLOAD, InjectionSettings.defaults());
    assertThat(proxy(plain).get("resources").toString())
        .isEqualTo("{\"limits\":{\"cpu\":\"2\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"}}");
  }

  @Test
  @DisplayName("the patch turns the original pod into the injected one")
  void patchAppliesToOriginal() throws Exception {
    ObjectNode original = pod("prometheus.io/scrape: 'true', prometheus.io/port: '9090'");
    InjectionResult r = SidecarInjector.inject(original, WORKLOAD, InjectionSettings.defaults());
    assertThat(JsonPatches.apply(r.patchJson(), original)).isEqualTo(r.pod());
    assertThat(r.patch().size()).isPositive();
    assertThat(original.toString()).as("input untouched").doesNotContain("istio-proxy");
    assertThat(r.pod().at("/metadata/annotations/prometheus.io~1port").asText()).isEqualTo("15020");
    assertThat(Json.named(proxy(r).get("env"), PrometheusMerge.ENV).orElseThrow().get("value").asText())
        .isEqualTo("{\"scrape\":\"true\",\"port\":\"9090\"}");
  }

  @Test
  @DisplayName("holdApplicationUntilProxyStarts puts the proxy first with a postStart wait")
  void holdApplication() throws Exception {
    InjectionResult r = SidecarInjector.inject(pod("proxy.istio.io/config: '{holdApplicationUntilProxyStarts: true}'"),
        WORKLOAD, InjectionSettings.defaults());
    assertThat(r.pod().at("/spec/containers/0/name").asText()).isEqualTo("istio-proxy");
    assertThat(r.pod().at("/spec/containers/0/lifecycle/postStart/exec/command").toString())
        .isEqualTo("[\"pilot-agent\",\"wait\"]");
  }

  @Test
  @DisplayName("native sidecars run the proxy as an init container after istio-init")
  void nativeSidecar() throws Exception {
    InjectionSettings settings = InjectionSettings.defaults()
        .withFeatures(InjectionFeatures.defaults().withNativeSidecars());
    InjectionResult r = SidecarInjector.inject(pod(""), WORKLOAD, settings);
    List<String> init = new ArrayList<>();
    r.pod().at("/spec/initContainers").forEach(c -> init.add(c.get("name").asText()));
    assertThat(init).containsExactly("istio-init", "istio-proxy");
    assertThat(r.pod().at("/spec/initContainers/1/restartPolicy").asText()).isEqualTo("Always");
    assertThat(r.pod().at("/metadata/annotations/sidecar.istio.io~1status").asText())
        .startsWith("{\"initContainers\":[\"istio-init\",\"istio-proxy\"],\"containers\":null,");
  }

  @Test
  @DisplayName("traffic annotations are validated; the error names the parameter")
  void badAnnotation() {
    assertThatThrownBy(() -> SidecarInjector.inject(
        pod("traffic.sidecar.istio.io/includeOutboundIPRanges: '10.0.0.0/40'"), WORKLOAD,
        InjectionSettings.defaults()))
        .isInstanceOf(InjectionException.class).hasMessageContaining("includeIPRanges invalid");
    assertThatThrownBy(() -> SidecarInjector.inject(pod("inject.istio.io/templates: nope"), WORKLOAD,
        InjectionSettings.defaults()))
        .isInstanceOf(InjectionException.class).hasMessageContaining("requested template \"nope\" not found");
  }

  @Test
  @DisplayName("a bare pod's workload comes from its controller: ReplicaSet hash means Deployment, Job suffix CronJob")
  void workloadFromPod() throws IOException {
    JsonNode rs = MeshJackson.yaml().readTree("""
        metadata: {generateName: web-5d4f-, namespace: ns, labels: {pod-template-hash: 5d4f},
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f, controller: true}]}
        """);
    assertThat(WorkloadRef.fromPod(rs)).isEqualTo(new WorkloadRef("apps/v1", "Deployment", "web", "ns"));
    JsonNode job = MeshJackson.yaml().readTree("""
        metadata: {generateName: x-, ownerReferences: [{apiVersion: batch/v1, kind: Job, name: nightly-28000000,
          controller: true}]}
        """);
    assertThat(WorkloadRef.fromPod(job).kind()).isEqualTo("CronJob");
    assertThat(WorkloadRef.fromPod(job).owner()).isEqualTo("kubernetes://apis/batch/v1/namespaces/default/cronjobs/nightly");
  }
}
