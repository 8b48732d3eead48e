package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A full pod against Istio's golden ({@code inject/cases/pod.yaml.injected}), skipped when the corpus is absent.
 * Env values holding JSON are compared parsed; everything else as text.
 */
class KubeInjectGoldenTest {
  @Test
  @DisplayName("pod.yaml injected with the corpus defaults matches Istio's golden container by container")
  void podMatchesGolden() throws Exception {
    Path cases = Corpus.require("inject").resolve("cases");
    InjectionSettings settings = InjectionSettings.defaults()
        .withValues(InjectorValues.of(MeshJackson.json().readTree(
            Files.readString(cases.resolve("default.values.gen.yaml")))))
        .withMesh(MeshConfigYaml.load("mesh", Files.readString(cases.resolve("default.mesh.gen.yaml")))
            .meshConfig().orElse(MeshConfigs.defaults()));
    KubeInject.Output out = KubeInject.inject("pod.yaml", Files.readString(cases.resolve("pod.yaml")), settings);
    JsonNode got = MeshJackson.yaml().readTree(out.yaml().replace("---\n", ""));
    JsonNode want = MeshJackson.yaml().readTree(Files.readString(cases.resolve("pod.yaml.injected"))
        .replace("---\n", ""));

    assertThat(names(got.at("/spec/containers"))).isEqualTo(names(want.at("/spec/containers")));
    assertThat(names(got.at("/spec/initContainers"))).isEqualTo(names(want.at("/spec/initContainers")));
    assertThat(names(got.at("/spec/volumes"))).isEqualTo(names(want.at("/spec/volumes")));
    assertThat(got.at("/metadata/labels")).isEqualTo(want.at("/metadata/labels"));
    JsonNode gotProxy = Json.named(got.at("/spec/containers"), "istio-proxy").orElseThrow();
    JsonNode wantProxy = Json.named(want.at("/spec/containers"), "istio-proxy").orElseThrow();
    assertThat(env(gotProxy)).isEqualTo(env(wantProxy));
    for (String field : List.of("args", "image", "ports", "readinessProbe", "startupProbe", "securityContext",
        "volumeMounts")) {
      assertThat(gotProxy.get(field)).as(field).isEqualTo(wantProxy.get(field));
    }
    JsonNode gotInit = got.at("/spec/initContainers/0");
    JsonNode wantInit = want.at("/spec/initContainers/0");
    assertThat(gotInit.get("args")).isEqualTo(wantInit.get("args"));
    assertThat(gotInit.get("securityContext")).isEqualTo(wantInit.get("securityContext"));
    assertThat(MeshJackson.json().readTree(got.at("/metadata/annotations/sidecar.istio.io~1status").asText()))
        .isEqualTo(MeshJackson.json().readTree(want.at("/metadata/annotations/sidecar.istio.io~1status").asText()));
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.path("name").asText()));
    return out;
  }

  /** name=value (JSON values parsed and re-printed compactly, valueFrom printed without divisor). */
  private static List<String> env(JsonNode container) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode e : container.path("env")) {
      String value = e.path("value").asText("");
      if (value.strip().startsWith("{") || value.strip().startsWith("[")) {
        value = MeshJackson.json().readTree(value).toString();
      }
      JsonNode from = e.path("valueFrom").deepCopy();
      if (from.path("resourceFieldRef").isObject()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) from.get("resourceFieldRef")).remove("divisor");
      }
      out.add(e.path("name").asText() + "=" + value + (from.isMissingNode() ? "" : " " + from));
    }
    return out;
  }
}
