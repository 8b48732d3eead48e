package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.yaml.MeshYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodViewTest {
  private static List<PodView> read(String yaml) {
    return MeshYaml.read("test", yaml).documents().stream()
        .map(d -> (GenericResource) d.resource()).flatMap(r -> PodView.of(r).stream()).toList();
  }

  @Test
  void deploymentTemplateWithWorkloadNameAndNamespace() {
    List<PodView> pods = read("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: web, sidecar.istio.io/inject: "false"}
              annotations: {a: b}
            spec:
              hostNetwork: true
              containers: [{name: c, image: i}]
        """);
    assertThat(pods).containsExactly(new PodView("Deployment", "web", "shop",
        java.util.Map.of("app", "web", "sidecar.istio.io/inject", "false"), java.util.Map.of("a", "b"), true));
    assertThat(pods.get(0).fullName()).isEqualTo("shop/web");
  }

  @Test
  void podCronJobListAndOtherKinds() {
    List<PodView> pods = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: {x: y}}
        spec: {containers: []}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: cj, namespace: n}
        spec:
          jobTemplate:
            metadata: {labels: {job: l}}
            spec: {template: {metadata: {labels: {pod: l}}, spec: {}}}
        ---
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: s}, spec: {template: {metadata: {name: t}}}}
        - {apiVersion: v1, kind: Service, metadata: {name: svc}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc}
        """);
    assertThat(pods).extracting(PodView::kind, PodView::name, PodView::namespace).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Pod", "p", ""),
        org.assertj.core.groups.Tuple.tuple("CronJob", "cj", "n"),
        org.assertj.core.groups.Tuple.tuple("StatefulSet", "t", ""));
    assertThat(pods.get(1).labels()).containsOnlyKeys("job");
  }
}
