package dev.meshwright.api.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.PeerAuthenticationSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshYamlTest {
  private static final String PA = """
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata:
        name: default
        namespace: istio-system
      spec:
        mtls:
          mode: STRICT
      """;

  @Test
  @DisplayName("reads a typed resource and keeps its version")
  void readsTyped() {
    ReadResult r = MeshYaml.read("pa.yaml", PA);
    assertThat(r.diagnostics()).isEmpty();
    PeerAuthentication pa = (PeerAuthentication) r.resources().get(0);
    assertThat(pa.apiVersion()).isEqualTo("security.istio.io/v1beta1");
    assertThat(pa.spec().mtls().flatMap(MutualTls::mode)).contains(MutualTls.Mode.STRICT);
  }

  @Test
  @DisplayName("writes the preferred version with sorted keys, and reads back equal")
  void roundTrip() {
    PeerAuthentication pa = PeerAuthentication.builder()
        .metadata(ObjectMeta.of("default", "istio-system"))
        .spec(PeerAuthenticationSpec.builder().mtls(MutualTls.of(MutualTls.Mode.STRICT)).build())
        .build();
    String yaml = MeshYaml.standard().writeYaml(pa);
    assertThat(yaml).isEqualTo("""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        """);
    assertThat(MeshYaml.read("x", yaml).resources()).containsExactly(pa);
  }

  @Test
  @DisplayName("a bad document is reported with its line and never hides the others")
  void badDocumentDoesNotHideOthers() {
    String text = PA + "---\nkind: [unclosed\n---\n" + PA.replace("default", "second");
    ReadResult r = MeshYaml.read("multi.yaml", text);
    assertThat(r.resources()).hasSize(2);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo("multi.yaml");
      assertThat(d.line()).isGreaterThanOrEqualTo(10);
      assertThat(d.message()).startsWith("invalid YAML");
    });
  }

  @Test
  @DisplayName("unknown fields are all reported with their paths; lenient mode only warns")
  void unknownFields() {
    String text = PA.replace("mode: STRICT", "mode: STRICT\n    modez: 1\n  bogus: true");
    ReadResult strict = MeshYaml.read("f.yaml", text);
    assertThat(strict.diagnostics()).extracting(Diagnostic::format).containsExactlyInAnyOrder(
        "error: f.yaml:9:5: PeerAuthentication istio-system/default: spec.mtls: unknown field \"modez\"",
        "error: f.yaml:10:3: PeerAuthentication istio-system/default: spec: unknown field \"bogus\"");
    ReadResult lenient = MeshYaml.standard().withStrictness(Strictness.LENIENT).readAll("f.yaml", text);
    assertThat(lenient.resources()).hasSize(1);
    assertThat(lenient.diagnostics()).allMatch(d -> !d.isError()).hasSize(2);
  }

  @Test
  @DisplayName("a wrong enum value names the field and the valid values")
  void badEnum() {
    ReadResult r = MeshYaml.read("f.yaml", PA.replace("STRICT", "STRICTEST"));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("spec.mtls.mode");
      assertThat(d.line()).isEqualTo(8);
      assertThat(d.message()).contains("STRICTEST").contains("PERMISSIVE");
    });
  }

  @Test
  @DisplayName("duplicate keys are rejected")
  void duplicateKeys() {
    ReadResult r = MeshYaml.read("f.yaml", PA + "spec: {}\n");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("already set"));
  }

  @Test
  @DisplayName("other kinds are kept as generic resources; List documents are flattened")
  void genericAndList() {
    String text = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata: {name: a}
          spec: {ports: [{port: 80}]}
        """;
    ReadResult r = MeshYaml.read("l.yaml", text);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.resources()).singleElement().isInstanceOf(GenericResource.class);
    assertThat(MeshYaml.standard().writeYaml(r.resources())).contains("- port: 80");
  }

  @Test
  @DisplayName("validation reports port-level mTLS without a selector, with a path")
  void validation() {
    String text = PA + "  portLevelMtls:\n    8080:\n      mode: DISABLE\n";
    List<Diagnostic> d = MeshValidator.create().validate(MeshYaml.read("f", text).resources().get(0));
    assertThat(d).extracting(Diagnostic::path).containsExactly("spec.portLevelMtls");
  }
}
