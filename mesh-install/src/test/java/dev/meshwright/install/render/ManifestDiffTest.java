package dev.meshwright.install.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.InstallInputs;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManifestDiffTest {
  @Test
  @DisplayName("YAML output reads back to the same objects, keys sorted, separated by blank line and ---")
  void roundTrip() throws IOException {
    Manifest m = ManifestRendererTest.render(InstallInputs.of());
    String yaml = ManifestYaml.write(m);

    List<ObjectNode> back = ManifestYaml.read(yaml);

    assertThat(back).hasSize(m.size());
    assertThat(ManifestDiff.of(back, m.objects().stream().map(ManifestObject::body).toList()).identical()).isTrue();
    assertThat(yaml).contains("\n\n---\napiVersion:").doesNotContain(" \n");
  }

  @Test
  @DisplayName("objects on one side only and changed fields are reported with their paths")
  void differences() throws IOException {
    List<ObjectNode> a = ManifestYaml.read("""
        kind: Deployment
        metadata: {name: a, namespace: ns}
        spec: {replicas: 1, template: {spec: {containers: [{name: c, image: x}]}}}
        ---
        kind: Service
        metadata: {name: gone, namespace: ns}
        """);
    List<ObjectNode> b = ManifestYaml.read("""
        kind: Deployment
        metadata: {name: a, namespace: ns}
        spec: {replicas: 2, template: {spec: {containers: [{name: c, image: y}]}}}
        ---
        kind: ClusterRole
        metadata: {name: new}
        """);

    ManifestDiff d = ManifestDiff.of(a, b);

    assertThat(d.onlyInA()).containsExactly("Service:ns:gone");
    assertThat(d.onlyInB()).containsExactly("ClusterRole::new");
    assertThat(d.changed().get("Deployment:ns:a")).extracting(ManifestDiff.FieldChange::path)
        .containsExactly("spec.replicas", "spec.template.spec.containers[0].image");
    assertThat(d.render("A", "B")).contains("Objects in A but not in B:\n  Service:ns:gone")
        .contains("spec.replicas: 1 -> 2");
    assertThat(ManifestDiff.of(a, a).render("A", "A")).isEqualTo("Manifests are identical\n");
  }

  @Test
  @DisplayName("a document that is not a mapping is an error naming it")
  void notAMapping() {
    assertThatThrownBy(() -> ManifestYaml.read("kind: A\n---\n- x\n")).hasMessageContaining("document 1");
  }

  @Test
  @DisplayName("selection uses unanchored Kind:Namespace:Name patterns, * or empty matching anything")
  void select() {
    Manifest m = ManifestRendererTest.render(InstallInputs.of());

    assertThat(m.select("Deployment:*:istio-ingress").objects()).extracting(ManifestObject::name)
        .containsExactly("istio-ingressgateway");
    assertThat(m.select("ConfigMap::istio$, Service:*:istiod").objects()).extracting(ManifestObject::key)
        .containsExactly("ConfigMap:istio-system:istio", "Service:istio-system:istiod");
  }
}
