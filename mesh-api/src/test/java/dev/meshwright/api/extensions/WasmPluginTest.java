package dev.meshwright.api.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.type.WorkloadSelector;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WasmPluginTest {
  private static WasmPlugin plugin(WasmPluginSpec spec) {
    return WasmPlugin.builder().metadata(ObjectMeta.of("openid", "istio-ingress")).spec(spec).build();
  }

  private static List<String> errors(WasmPlugin p) {
    return MeshValidator.create().validate(p).stream().filter(Diagnostic::isError)
        .map(d -> d.path() + ": " + d.message()).toList();
  }

  @Test
  @DisplayName("a plugin with nested pluginConfig, VM env and match round-trips through YAML")
  void roundTrip() {
    WasmPlugin p = plugin(WasmPluginSpec.builder()
        .selector(WorkloadSelector.of(Map.of("istio", "ingressgateway")))
        .url("oci://registry.example.com/filters/openid:1.0")
        .sha256("a".repeat(64))
        .imagePullPolicy(WasmPluginSpec.PullPolicy.IfNotPresent)
        .phase(WasmPluginSpec.PluginPhase.AUTHN)
        .priority(10)
        .failStrategy(WasmPluginSpec.FailStrategy.FAIL_OPEN)
        .putPluginConfig("realm", "ingress")
        .putPluginConfig("scopes", List.of("openid", "email"))
        .putPluginConfig("limits", Map.of("burst", 5))
        .vmConfig(VmConfig.builder().addEnv(EnvVar.builder().name("POD_NAME")
            .valueFrom(EnvVar.EnvValueSource.HOST).build()).build())
        .addMatch(TrafficSelector.builder().mode(TrafficSelector.WorkloadMode.SERVER)
            .addPort(TrafficSelector.PortSelector.of(8080)).build())
        .type(WasmPluginSpec.PluginType.HTTP)
        .build());
    String yaml = MeshYaml.standard().writeYaml(p);
    assertThat(yaml).startsWith("apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\n")
        .contains("imagePullPolicy: IfNotPresent", "burst: 5");
    ReadResult back = MeshYaml.read("w.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(p);
    assertThat(errors(p)).isEmpty();
  }

  @Test
  @DisplayName("url, sha256, VM env and match ports are checked like Istio")
  void messages() {
    assertThat(errors(plugin(WasmPluginSpec.builder().build())))
        .containsExactly("spec.url: url field needs to be set");
    assertThat(errors(plugin(WasmPluginSpec.builder().url("ftp://x/y.wasm").sha256("ABC").build())))
        .containsExactly("spec.url: url contains unsupported scheme: ftp",
            "spec.sha256: sha256 field must be 64 characters long");
    assertThat(errors(plugin(WasmPluginSpec.builder().url("http://a:b/x.wasm").sha256("g".repeat(64)).build())))
        .containsExactly("spec.url: failed to parse url: parse \"http://a:b/x.wasm\": invalid port \":b\" after host",
            "spec.sha256: sha256 field must match [a-f0-9]{64} pattern");
    assertThat(errors(plugin(WasmPluginSpec.builder().url("file:///opt/f.wasm")
        .vmConfig(VmConfig.builder()
            .addEnv(EnvVar.builder().name("A").build()).addEnv(EnvVar.builder().name("A").build()).build())
        .addMatch(TrafficSelector.builder().addPort(TrafficSelector.PortSelector.of(0)).build())
        .build())))
        .containsExactly("spec.vmConfig.env[1].name: duplicate env",
            "spec.match[0].ports[0].number: spec.Match[0].Ports[0] is out of range: 0");
  }
}
