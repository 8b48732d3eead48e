package dev.meshwright.install.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.InstallSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManifestRendererTest {
  private static final String HEAD = "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n";

  static Manifest render(InstallInputs in) {
    InstallInputs.Assembly a = in.assemble();
    assertThat(a.diagnostics()).isEmpty();
    ManifestRenderer.Rendering r = ManifestRenderer.render(a.spec().orElseThrow(), ClusterFacts.NONE);
    assertThat(r.diagnostics()).isEmpty();
    return r.manifest().orElseThrow();
  }

  static Manifest render(String spec, String... sets) {
    InstallInputs in = InstallInputs.of().withFile("iop.yaml", HEAD + spec);
    for (String s : sets) {
      in = in.withSet(s);
    }
    return render(in);
  }

  static ObjectNode find(Manifest m, String kind, String name) {
    return m.objects().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + name + " not in " + m.objects())).body();
  }

  @Test
  @DisplayName("the default profile renders Istio's 39 objects in istioctl's order: CRDs, accounts and roles, webhooks, config maps, workloads, services")
  void defaultProfile() {
    Manifest m = render(InstallInputs.of());

    assertThat(m.size()).isEqualTo(39);
    assertThat(m.objects().subList(0, 14)).allMatch(o -> o.kind().equals("CustomResourceDefinition"));
    assertThat(m.objects().get(14).key()).isEqualTo("ServiceAccount:istio-system:istio-ingressgateway-service-account");
    assertThat(m.objects().get(38).key()).isEqualTo("Service:istio-system:istiod");
    assertThat(m.of(Component.PILOT)).hasSize(17);
    assertThat(m.of(Component.INGRESS_GATEWAYS)).hasSize(7);
    assertThat(m.objects()).map(ManifestObject::key).doesNotContain(
        "ValidatingWebhookConfiguration::istiod-default-validator");
  }

  @Test
  @DisplayName("istiod's Deployment carries the hub/tag image, revision env and HPA-managed replicas")
  void istiodDeployment() {
    Manifest m = render("  hub: docker.io/istio\n  tag: 1.1.4\n");
    JsonNode d = find(m, "Deployment", "istiod");
    JsonNode c = d.at("/spec/template/spec/containers/0");

    assertThat(c.path("image").asText()).isEqualTo("docker.io/istio/pilot:1.1.4");
    assertThat(c.at("/env/0/value").asText()).isEqualTo("default");
    assertThat(d.at("/spec/replicas").isMissingNode()).isTrue();
    assertThat(d.at("/spec/selector/matchLabels").toString()).isEqualTo("{\"istio\":\"pilot\"}");
    assertThat(find(m, "HorizontalPodAutoscaler", "istiod").at("/spec/maxReplicas").asInt()).isEqualTo(5);
  }

  @Test
  @DisplayName("a revision suffixes istiod's names and selects pods by app and istio.io/rev; only rev.* injector webhooks")
  void revision() {
    Manifest m = render("  profile: minimal\n", "revision=canary");
    JsonNode mwc = find(m, "MutatingWebhookConfiguration", "istio-sidecar-injector-canary");

    assertThat(mwc.path("webhooks")).extracting(w -> w.path("name").asText())
        .containsExactly("rev.namespace.sidecar-injector.istio.io", "rev.object.sidecar-injector.istio.io");
    assertThat(mwc.at("/webhooks/0/clientConfig/service/name").asText()).isEqualTo("istiod-canary");
    assertThat(find(m, "Service", "istiod-canary").at("/spec/selector").toString())
        .isEqualTo("{\"app\":\"istiod\",\"istio.io/rev\":\"canary\"}");
    assertThat(find(m, "Deployment", "istiod-canary").at("/spec/template/metadata/labels/istio").asText())
        .isEqualTo("istiod");
    find(m, "ClusterRole", "istiod-clusterrole-canary-istio-system");
    find(m, "ValidatingWebhookConfiguration", "istio-validator-canary-istio-system");
  }

  @Test
  @DisplayName("pilot outside istio-system names its injector webhook after the namespace")
  void pilotNamespace() {
    Manifest m = render("  profile: empty\n  components:\n    pilot:\n      enabled: true\n      namespace: istio-control\n");

    assertThat(find(m, "MutatingWebhookConfiguration", "istio-sidecar-injector-istio-control")
        .at("/webhooks/0/clientConfig/service/namespace").asText()).isEqualTo("istio-control");
    assertThat(find(m, "Deployment", "istiod").at("/metadata/namespace").asText()).isEqualTo("istio-control");
  }

  @Test
  @DisplayName("k8s settings patch the workload, service and HPA; overlays select list items by key and value")
  void k8sSettingsAndOverlays() {
    Manifest m = render("""
          components:
            pilot:
              k8s:
                resources: {requests: {cpu: 123m}}
                hpaSpec: {maxReplicas: 9}
                overlays:
                - kind: Deployment
                  name: istiod
                  patches:
                  - path: spec.template.spec.containers.[name:discovery].args.[30m]
                    value: 60m
                  - path: spec.template.spec.containers.[name:discovery].env.[name:REVISION]
            ingressGateways:
            - name: istio-ingressgateway
              enabled: true
              k8s:
                service: {externalTrafficPolicy: Local}
                serviceAnnotations: {a: b}
        """);
    JsonNode c = find(m, "Deployment", "istiod").at("/spec/template/spec/containers/0");

    assertThat(c.at("/resources/requests/cpu").asText()).isEqualTo("123m");
    assertThat(c.at("/resources/requests/memory").asText()).isEqualTo("2048Mi");
    assertThat(c.path("args").toString()).contains("\"60m\"").doesNotContain("\"30m\"");
    assertThat(c.at("/env/0/name").asText()).isEqualTo("PILOT_CERT_PROVIDER");
    assertThat(find(m, "HorizontalPodAutoscaler", "istiod").at("/spec/maxReplicas").asInt()).isEqualTo(9);
    JsonNode svc = find(m, "Service", "istio-ingressgateway");
    assertThat(svc.at("/spec/externalTrafficPolicy").asText()).isEqualTo("Local");
    assertThat(svc.at("/metadata/annotations/a").asText()).isEqualTo("b");
  }

  @Test
  @DisplayName("an overlay that matches no object is a diagnostic naming the overlay, not an exception")
  void badOverlay() {
    InstallSpec spec = InstallInputs.of().withFile("iop.yaml", HEAD
        + "  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: Deployment\n          name: nope\n")
        .assemble().spec().orElseThrow();

    ManifestRenderer.Rendering r = ManifestRenderer.render(spec, ClusterFacts.NONE);

    assertThat(r.manifest()).isEmpty();
    assertThat(r.diagnostics()).singleElement().asString()
        .contains("components.pilot.k8s.overlays[0]").contains("Deployment nope");
  }

  @Test
  @DisplayName("demo turns autoscaling off and adds the egress gateway; ambient adds CNI and ztunnel DaemonSets")
  void profiles() {
    Manifest demo = render(InstallInputs.of().withSet("profile=demo"));
    Manifest ambient = render(InstallInputs.of().withSet("profile=ambient"));

    assertThat(demo.size()).isEqualTo(43);
    assertThat(demo.objects()).noneMatch(o -> o.kind().equals("HorizontalPodAutoscaler"));
    assertThat(ambient.size()).isEqualTo(43);
    assertThat(find(ambient, "DaemonSet", "ztunnel").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("docker.io/istio/ztunnel:1.22.8-distroless");
    find(ambient, "DaemonSet", "istio-cni-node");
    find(ambient, "ClusterRole", "istio-cni-ambient");
  }

  @Test
  @DisplayName("component hub and tag override the global ones for that component only; a numeric tag stays a string")
  void componentHubTag() {
    Manifest m = render("  hub: h\n  tag: t\n  components:\n    pilot:\n      hub: ph\n      tag: 2\n");

    assertThat(find(m, "Deployment", "istiod").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("ph/pilot:2");
    assertThat(find(m, "Deployment", "istio-ingressgateway").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("h/proxyv2:t");
  }

  @Test
  @DisplayName("an old cluster gets autoscaling/v2beta2 HPAs")
  void clusterFacts() {
    InstallSpec spec = InstallInputs.of().assemble().spec().orElseThrow();

    List<ManifestObject> hpas = ManifestRenderer.render(spec, new ClusterFacts(22)).manifest().orElseThrow()
        .objects().stream().filter(o -> o.kind().equals("HorizontalPodAutoscaler")).toList();

    assertThat(hpas).isNotEmpty().allMatch(o -> o.apiVersion().equals("autoscaling/v2beta2"));
  }
}
