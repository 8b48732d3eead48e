package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeInjectTest {
  private static List<JsonNode> docs(String yaml) throws Exception {
    try (var it = MeshJackson.yaml().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      return it.readAll();
    }
  }

  @Test
  @DisplayName("a CronJob's labels and annotations go to the job template, its containers to the pod template")
  void cronJob() throws Exception {
    String out = KubeInject.inject("cron.yaml", """
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: nightly, namespace: ops}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: nightly}}
                spec: {restartPolicy: Never, containers: [{name: job, image: busybox}]}
        """, InjectionSettings.defaults()).yaml();
    JsonNode cron = docs(out).get(0);
    assertThat(cron.at("/apiVersion").asText()).isEqualTo("batch/v1beta1");
    assertThat(cron.at("/spec/jobTemplate/metadata/annotations/sidecar.istio.io~1status").isTextual()).isTrue();
    assertThat(cron.at("/spec/jobTemplate/metadata/labels/service.istio.io~1canonical-name").asText())
        .isEqualTo("nightly");
    assertThat(cron.at("/spec/jobTemplate/spec/template/spec/containers/1/name").asText()).isEqualTo("istio-proxy");
    assertThat(out).contains("value: kubernetes://apis/batch/v1beta1/namespaces/ops/cronjobs/nightly");
  }

  @Test
  @DisplayName("List items are injected in place; other kinds pass through verbatim, comments included")
  void listAndPassThrough() throws Exception {
    String service = "# keep me\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n";
    String out = KubeInject.inject("in.yaml", service + "---\n" + """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}
        - apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: pg}]}}}
        """, InjectionSettings.defaults()).yaml();
    assertThat(out).startsWith(service + "---\n");
    JsonNode list = docs(out).get(1);
    assertThat(list.at("/items/0").toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    assertThat(list.at("/items/1/spec/template/spec/containers/1/name").asText()).isEqualTo("istio-proxy");
    assertThat(list.at("/items/1/spec/updateStrategy").isObject()).isTrue();
  }

  @Test
  @DisplayName("host networking and ignored namespaces are skipped with istioctl's warnings")
  void skips() throws Exception {
    KubeInject.Output out = KubeInject.inject("in.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: kube-system}
        spec: {containers: [{name: c, image: i}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: b, namespace: n}
        spec: {template: {spec: {hostNetwork: true, containers: [{name: c, image: i}]}}}
        """, InjectionSettings.defaults());
    assertThat(out.warnings()).containsExactly(
        "Skipping injection because Pod \"kube-system/a\" has sidecar injection disabled",
        "Skipping injection because DaemonSet \"n/b\" has host networking enabled");
    assertThat(out.yaml()).doesNotContain("istio-proxy");
  }

  @Test
  @DisplayName("a ReplicationController without a pod template and unreadable YAML are errors naming the document")
  void errors() {
    assertThatThrownBy(() -> KubeInject.inject("rc.yaml", "kind: ReplicationController\nmetadata: {name: r}\nspec: {}\n",
        InjectionSettings.defaults()))
        .isInstanceOf(InjectionException.class)
        .hasMessage("rc.yaml: document 1: ReplicationController r: spec.template is required value");
    assertThatThrownBy(() -> KubeInject.inject("bad.yaml", "a: [1,\n", InjectionSettings.defaults()))
        .isInstanceOf(InjectionException.class).hasMessageStartingWith("bad.yaml: document 1: not valid YAML");
  }

  @Test
  @DisplayName("odd but parseable shapes (scalar probe actions, interception NONE with a custom proxy user) do not crash")
  void oddShapes() throws Exception {
    KubeInject.Output out = KubeInject.inject("odd.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, annotations: {sidecar.istio.io/interceptionMode: NONE}}
        spec:
          containers:
          - {name: app, image: i, readinessProbe: {httpGet: 5}}
          - {name: istio-proxy, image: auto, securityContext: {runAsUser: 1234}}
        """, InjectionSettings.defaults());
    JsonNode pod = docs(out.yaml()).get(0);
    assertThat(out.yaml()).doesNotContain("istio-init");
    assertThat(pod.at("/metadata/annotations/sidecar.istio.io~1status").asText()).contains("\"initContainers\":null");
    assertThat(pod.at("/spec/containers/1/securityContext/runAsUser").asInt()).isEqualTo(1234);
  }
}
