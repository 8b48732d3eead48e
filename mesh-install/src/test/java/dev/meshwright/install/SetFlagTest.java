package dev.meshwright.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SetFlagTest {
  private static JsonNode spec(InstallInputs in) {
    InstallInputs.Assembly a = in.assemble();
    assertThat(a.diagnostics()).isEmpty();
    return a.spec().orElseThrow().spec();
  }

  @Test
  @DisplayName("values are typed: integer, float, bool, else string with \\, unescaped; compatibilityVersion stays a string")
  void typing() {
    assertThat(SetFlag.typed("3").isIntegralNumber()).isTrue();
    assertThat(SetFlag.typed("1.5").isDouble()).isTrue();
    assertThat(SetFlag.typed("true").isBoolean()).isTrue();
    assertThat(SetFlag.typed("a\\,b").asText()).isEqualTo("a,b");
    assertThat(SetFlag.typed("1.1.4").isTextual()).isTrue();
    assertThat(SetFlag.parse("compatibilityVersion=1.21").flag().orElseThrow().value().isTextual()).isTrue();
  }

  @Test
  @DisplayName("paths: leading spec., [index] (past the end appends), [key:value], escaped dots")
  void paths() {
    JsonNode spec = spec(InstallInputs.of()
        .withSet("spec.components.pilot.k8s.replicaCount=3")
        .withSet("components.ingressGateways[name:istio-ingressgateway].k8s.env[0].name=A")
        .withSet("components.ingressGateways[name:istio-ingressgateway].k8s.env[0].value=x")
        .withSet("values.pilot.podAnnotations.a\\.b/c=1.5")
        .withSet("meshConfig.defaultConfig.proxyMetadata.K=v"));

    assertThat(spec.at("/components/pilot/k8s/replicaCount").asInt()).isEqualTo(3);
    assertThat(spec.at("/components/ingressGateways")).hasSize(1);
    assertThat(spec.at("/components/ingressGateways/0/enabled").asBoolean()).isTrue();
    assertThat(spec.at("/components/ingressGateways/0/k8s/env/0/value").asText()).isEqualTo("x");
    assertThat(spec.at("/values/pilot/podAnnotations").get("a.b/c").asDouble()).isEqualTo(1.5);
    assertThat(spec.at("/meshConfig/defaultConfig/proxyMetadata/K").asText()).isEqualTo("v");
  }

  @Test
  @DisplayName("an unknown path is an error listing the nearest valid paths")
  void unknownPath() {
    SetFlag.Result r = SetFlag.parse("components.pilot.k8s.resorces.limits.cpu=1");

    assertThat(r.flag()).isEmpty();
    assertThat(r.problem().orElseThrow().toString())
        .startsWith("--set: components.pilot.k8s.resorces.limits.cpu: unknown path")
        .contains("nearest valid paths: components.pilot.k8s.resources");
    assertThat(SetFlag.parse("hubb=x").problem().orElseThrow().message()).contains("nearest valid paths: hub");
    assertThat(SetFlag.parse("hub.x=1").problem()).isPresent();
  }

  @Test
  @DisplayName("a flag needs exactly one '='; a selector that matches nothing is an error")
  void errors() {
    assertThat(SetFlag.parse("hub").problem().orElseThrow().message()).contains("exactly one '='");
    assertThat(SetFlag.parse("hub=a=b").problem()).isPresent();
    assertThat(InstallInputs.of().withSet("components.ingressGateways[name:nope].enabled=true").assemble()
        .diagnostics()).singleElement().asString().contains("no list element matches [name:nope]");
  }
}
