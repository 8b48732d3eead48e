package dev.meshwright.install.render;

import static dev.meshwright.install.render.ManifestRendererTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The 1.22.8 charts' conditional logic under values other than the corpus's: helm template semantics. */
class ChartValuesLogicTest {
  private static Manifest render(HelmChart chart, String namespace, String release, String... sets) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (String s : sets) {
      assertThat(ChartRenderer.set(values, s)).isEmpty();
    }
    ManifestRenderer.Rendering r = ChartRenderer.render(chart, values, namespace, release);
    assertThat(r.diagnostics()).isEmpty();
    return r.manifest().orElseThrow();
  }

  @Test
  @DisplayName("ztunnel flattens global onto its root (global.hub names its image), then its own values win")
  void ztunnelGlobals() {
    Manifest m = render(HelmChart.ZTUNNEL, "kube-system", "zt", "global.hub=reg.example/istio", "variant=distroless",
        "logLevel=debug", "env.EXTRA=1", "revision=canary", "istioNamespace=mesh");
    JsonNode c = find(m, "DaemonSet", "ztunnel").at("/spec/template/spec/containers/0");

    assertThat(c.path("image").asText()).isEqualTo("reg.example/istio/ztunnel:1.22.8-distroless");
    assertThat(c.path("env").toString()).contains("{\"name\":\"XDS_ADDRESS\",\"value\":\"istiod-canary.mesh.svc:15012\"}",
        "{\"name\":\"RUST_LOG\",\"value\":\"debug\"}", "{\"name\":\"INPOD_ENABLED\",\"value\":\"true\"}",
        "{\"name\":\"EXTRA\",\"value\":\"1\"}");
    assertThat(c.at("/securityContext/capabilities/add").toString()).isEqualTo("[\"NET_ADMIN\",\"SYS_ADMIN\",\"NET_RAW\"]");
    assertThat(find(m, "DaemonSet", "ztunnel").at("/metadata/namespace").asText()).isEqualTo("kube-system");
  }

  @Test
  @DisplayName("istio-cni: repair that deletes pods may delete them; ambient adds host networking and the ztunnel socket")
  void cniModes() {
    Manifest delete = render(HelmChart.CNI, "kube-system", "cni", "cni.repair.repairPods=false",
        "cni.repair.deletePods=true", "platform=openshift");
    Manifest ambient = render(HelmChart.CNI, "kube-system", "cni", "cni.ambient.enabled=true", "cni.cniBinDir=/bin/x");

    assertThat(find(delete, "ClusterRole", "istio-cni-repair-role").path("rules").toString())
        .contains("{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"delete\"]}");
    assertThat(find(delete, "ClusterRole", "istio-cni").path("rules").toString()).contains("securitycontextconstraints");
    assertThat(find(delete, "DaemonSet", "istio-cni-node").at("/spec/template/spec/volumes").toString())
        .doesNotContain("cni-host-procfs");
    JsonNode pod = find(ambient, "DaemonSet", "istio-cni-node").at("/spec/template/spec");
    assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
    assertThat(pod.path("volumes").toString()).contains("cni-ztunnel-sock-dir", "/bin/x");
    assertThat(find(ambient, "ConfigMap", "istio-cni-config").at("/data/cni_network_config").asText())
        .contains("\"ambient_enabled\" : true", "\"cni_bin_dir\" : \"/bin/x\"");
    assertThat(find(ambient, "ClusterRoleBinding", "istio-cni-ambient").at("/metadata/labels/k8s-app").asText())
        .isEqualTo("istio-cni-repair");
  }

  @Test
  @DisplayName("istiod: revision tags get webhooks, the deployment controller can be switched off, analysis adds rules")
  void istiodConditionals() {
    Manifest m = render(HelmChart.ISTIOD, "istio-system", "istiod", "revisionTags[0]=prod",
        "pilot.env.PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER=false", "global.istiod.enableAnalysis=true",
        "pilot.taint.enabled=true", "pilot.taint.namespace=kube-system", "global.proxy.tracer=zipkin",
        "pilot.jwksResolverExtraRootCA=PEM", "global.hub=reg.example");

    JsonNode tag = find(m, "MutatingWebhookConfiguration", "istio-revision-tag-prod");
    assertThat(tag.at("/metadata/labels/istio.io~1tag").asText()).isEqualTo("prod");
    assertThat(tag.path("webhooks")).hasSize(2);
    assertThat(tag.at("/webhooks/0/namespaceSelector/matchExpressions/0/values/0").asText()).isEqualTo("prod");
    assertThat(m.objects()).noneMatch(o -> o.name().startsWith("istiod-gateway-controller"));
    assertThat(find(m, "ClusterRole", "istiod-clusterrole-istio-system").path("rules").toString())
        .contains("pods/finalizers", "\"verbs\":[\"patch\"]");
    JsonNode d = find(m, "Deployment", "istiod").at("/spec/template/spec");
    assertThat(d.at("/containers/0/args").toString()).contains("--cniNamespace=kube-system");
    assertThat(d.at("/containers/0/image").asText()).isEqualTo("reg.example/pilot:1.22.8");
    assertThat(d.path("volumes").toString()).contains("pilot-jwks-extra-cacerts");
    assertThat(find(m, "ConfigMap", "pilot-jwks-extra-cacerts").at("/data/extra.pem").asText()).isEqualTo("PEM");
    assertThat(find(m, "ConfigMap", "istio").at("/data/mesh").asText()).contains("address: zipkin.istio-system:9411");
  }

  @Test
  @DisplayName("base: the default validator calls a URL when given one and is gone with an empty defaultRevision")
  void baseValidator() {
    Manifest url = render(HelmChart.BASE, "istio-system", "base", "base.validationURL=https://v.example/validate",
        "base.validationCABundle=Q0E=", "global.istioNamespace=mesh");
    Manifest none = render(HelmChart.BASE, "istio-system", "base", "defaultRevision=");

    JsonNode hook = find(url, "ValidatingWebhookConfiguration", "istiod-default-validator").at("/webhooks/0");
    assertThat(hook.at("/clientConfig/url").asText()).isEqualTo("https://v.example/validate");
    assertThat(hook.path("failurePolicy").asText()).isEqualTo("Fail");
    assertThat(find(url, "ServiceAccount", "istio-reader-service-account").at("/metadata/namespace").asText())
        .isEqualTo("mesh");
    assertThat(none.objects()).extracting(ManifestObject::kind).containsExactly("ServiceAccount");
  }
}
