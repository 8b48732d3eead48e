package dev.meshwright.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InstallInputsTest {
  private static final String HEAD = "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n";

  private static InstallInputs files(String... specs) {
    List<InstallInputs.NamedText> texts = new java.util.ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      texts.add(new InstallInputs.NamedText("f" + i + ".yaml", HEAD + specs[i]));
    }
    return new InstallInputs(ProfileSource.builtin(), texts, List.of(), Optional.empty(), InstallInputs.NO_FILES);
  }

  private static JsonNode spec(InstallInputs in) {
    InstallInputs.Assembly a = in.assemble();
    assertThat(a.diagnostics()).isEmpty();
    return a.spec().orElseThrow().spec();
  }

  @Test
  @DisplayName("default profile, then the named profile, then files in order, then --set (last wins)")
  void precedence() {
    InstallInputs in = files("  profile: demo\n  hub: file1\n  tag: t1\n", "  hub: file2\n")
        .withSet("tag=fromSet").withSet("tag=last");
    JsonNode spec = spec(in);

    assertThat(spec.get("profile").asText()).isEqualTo("demo");
    assertThat(spec.get("hub").asText()).isEqualTo("file2");
    assertThat(spec.get("tag").asText()).isEqualTo("last");
    assertThat(spec.at("/values/profile").asText()).isEqualTo("demo");
    assertThat(spec.at("/values/global/istioNamespace").asText()).isEqualTo("istio-system");
    assertThat(spec.at("/components/egressGateways/0/enabled").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("--set profile replaces the profile named in a file; the result is typed")
  void setProfileWins() {
    InstallInputs.Assembly a = files("  profile: demo\n").withSet("profile=minimal").assemble();

    assertThat(a.spec()).isPresent();
    assertThat(a.spec().get().profile()).isEqualTo("minimal");
    assertThat(a.spec().get().spec().at("/components/ingressGateways/0/enabled").asBoolean()).isFalse();
    assertThat(a.spec().get().operator().spec().profile()).contains("minimal");
  }

  @Test
  @DisplayName("gateways merge by name, other lists are replaced, trustDomainAliases are unioned, null deletes")
  void mergeRules() {
    JsonNode spec = spec(files(
        "  meshConfig:\n    trustDomainAliases: [a]\n  components:\n    ingressGateways:\n"
            + "    - name: custom\n      enabled: true\n      k8s:\n        env: [{name: A, value: x}]\n",
        "  meshConfig:\n    trustDomainAliases: [b]\n  components:\n    ingressGateways:\n"
            + "    - name: istio-ingressgateway\n      enabled: false\n    - name: custom\n"
            + "      k8s:\n        env: [{name: B, value: y}]\n  values:\n    defaultRevision: null\n"));

    assertThat(spec.at("/components/ingressGateways")).hasSize(2);
    assertThat(spec.at("/components/ingressGateways/0/enabled").asBoolean()).isFalse();
    assertThat(spec.at("/components/ingressGateways/1/enabled").asBoolean()).isTrue();
    assertThat(spec.at("/components/ingressGateways/1/k8s/env")).hasSize(1);
    assertThat(spec.at("/components/ingressGateways/1/k8s/env/0/name").asText()).isEqualTo("B");
    assertThat(spec.at("/meshConfig/trustDomainAliases").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(spec.at("/values").has("defaultRevision")).isFalse();
  }

  @Test
  @DisplayName("values.gateways.*.enabled from the user reaches the gateway component")
  void gatewayEnablement() {
    JsonNode spec = spec(files("  values:\n    gateways:\n      istio-egressgateway:\n        enabled: true\n"));

    assertThat(spec.at("/components/egressGateways/0/enabled").asBoolean()).isTrue();
    assertThat(spec.at("/components/egressGateways")).hasSize(1);
  }

  @Test
  @DisplayName("legacy values.pilot settings are copied to components.pilot.k8s and win over k8s of the same overlay")
  void legacyPilotValues() {
    JsonNode spec = spec(files("  components:\n    pilot:\n      k8s:\n        replicaCount: 5\n"
        + "  values:\n    pilot:\n      replicaCount: 2\n      priorityClassName: \"\"\n"
        + "      env: {A: x}\n      rollingMaxSurge: 100%\n"));

    assertThat(spec.at("/components/pilot/k8s/replicaCount").asInt()).isEqualTo(2);
    assertThat(spec.at("/components/pilot/k8s").has("priorityClassName")).isFalse();
    assertThat(spec.at("/components/pilot/k8s/env/0/name").asText()).isEqualTo("A");
    assertThat(spec.at("/components/pilot/k8s/strategy/rollingUpdate/maxSurge").asText()).isEqualTo("100%");
    assertThat(spec.at("/values/pilot/replicaCount").asInt()).isEqualTo(2);
  }

  @Test
  @DisplayName("bad input gives diagnostics naming the file, never an exception")
  void badInput() {
    InstallInputs two = new InstallInputs(ProfileSource.builtin(),
        List.of(new InstallInputs.NamedText("two.yaml", HEAD + "  hub: a\n---\n" + HEAD + "  hub: b\n")),
        List.of(), Optional.empty(), InstallInputs.NO_FILES);
    assertThat(two.assemble().diagnostics()).singleElement().asString()
        .contains("two.yaml", "contains multiple IstioOperator CRs, only one per file is supported");

    InstallInputs broken = new InstallInputs(ProfileSource.builtin(),
        List.of(new InstallInputs.NamedText("broken.yaml", "spec: [unclosed\n")), List.of(), Optional.empty(), InstallInputs.NO_FILES);
    assertThat(broken.assemble().diagnostics()).singleElement().asString().startsWith("broken.yaml: not valid YAML");

    assertThat(files("  profile: nope\n").assemble().diagnostics()).singleElement().asString()
        .contains("unknown profile nope", "known: ambient, default");
    assertThat(InstallInputs.of().withSet("profile=external").assemble().diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("remote"));
  }

  @Test
  @DisplayName("a null spec or null values is accepted")
  void nullSpec() {
    InstallInputs in = new InstallInputs(ProfileSource.builtin(),
        List.of(new InstallInputs.NamedText("bare.yaml", "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n"),
            new InstallInputs.NamedText("bare-values.yaml", HEAD + "  values:\n")),
        List.of(), Optional.empty(), InstallInputs.NO_FILES);

    assertThat(spec(in).get("profile").asText()).isEqualTo("default");
  }
}
