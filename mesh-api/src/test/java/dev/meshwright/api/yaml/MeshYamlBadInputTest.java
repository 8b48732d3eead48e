package dev.meshwright.api.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshYamlBadInputTest {
  private static final String HEAD = """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: pa
        namespace: ns
      """;

  @Test
  @DisplayName("a wrong type names the field path, the line and what was expected")
  void wrongType() {
    ReadResult r = MeshYaml.read("t.yaml", HEAD + "spec:\n  mtls: [STRICT]\n");
    assertThat(r.resources()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("spec.mtls");
      assertThat(d.line()).isEqualTo(7);
      assertThat(d.format()).contains("PeerAuthentication ns/pa").contains("expected an object");
    });
  }

  @Test
  @DisplayName("a spec that is not an object, and a document that is not a map, are errors")
  void notObjects() {
    assertThat(MeshYaml.read("t.yaml", HEAD + "spec: 42\n").diagnostics())
        .singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("spec"));
    assertThat(MeshYaml.read("t.yaml", "- a\n- b\n").diagnostics())
        .singleElement().satisfies(d -> assertThat(d.message()).contains("must be an object"));
  }

  @Test
  @DisplayName("missing apiVersion or kind is reported; unknown top-level keys are reported")
  void envelope() {
    assertThat(MeshYaml.read("t.yaml", "metadata: {name: x}\n").diagnostics())
        .extracting(Diagnostic::message).containsExactly("apiVersion is required", "kind is required");
    assertThat(MeshYaml.read("t.yaml", HEAD + "data: {}\n").diagnostics())
        .extracting(Diagnostic::message).containsExactly("unknown field \"data\"");
  }

  @Test
  @DisplayName("a 10 MB document is read (a large generic object) without error")
  void tenMegabytes() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n");
    int i = 0;
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append("  key").append(i++).append(": \"").append("x".repeat(100)).append("\"\n");
    }
    ReadResult r = MeshYaml.read("big.yaml", sb.toString());
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.resources()).singleElement().isInstanceOf(GenericResource.class);
  }

  @Test
  @DisplayName("deep nesting is refused with a clear error, not a stack overflow")
  void deepNesting() {
    String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: "
        + "[".repeat(5000) + "]".repeat(5000) + "\n";
    ReadResult r = MeshYaml.read("deep.yaml", deep);
    assertThat(r.resources()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo("deep.yaml");
      assertThat(d.message()).containsIgnoringCase("nest");
    });
    String deepJson = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThat(MeshYaml.read("deep.json", deepJson).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).containsIgnoringCase("nest"));
  }

  @Test
  @DisplayName("JSON input is read like YAML")
  void json() {
    String json = "{\"apiVersion\":\"security.istio.io/v1\",\"kind\":\"PeerAuthentication\","
        + "\"metadata\":{\"name\":\"pa\"},\"spec\":{\"mtls\":{\"mode\":\"STRICT\"}}}";
    assertThat(MeshYaml.read("pa.json", json).resources()).hasSize(1);
  }

  @Test
  @DisplayName("a JSON List is read item by item whatever the key order; a bad item names its position")
  void jsonList() {
    String item = "{\"apiVersion\":\"security.istio.io/v1\",\"kind\":\"PeerAuthentication\","
        + "\"metadata\":{\"name\":\"pa%d\"},\"spec\":{\"mtls\":{\"mode\":\"%s\"}}}";
    String list = "{\"apiVersion\":\"v1\",\"items\":[" + item.formatted(1, "STRICT") + ",\n"
        + item.formatted(2, "NOPE") + "],\"kind\":\"List\",\"metadata\":{}}";
    ReadResult r = MeshYaml.read("list.json", list);
    assertThat(r.resources()).extracting(m -> m.name()).containsExactly("pa1");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("spec.mtls.mode");
      assertThat(d.line()).isEqualTo(2);
    });
    String notAList = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"items\":[1]}";
    assertThat(MeshYaml.read("c.json", notAList).resources()).singleElement()
        .satisfies(g -> assertThat(((GenericResource) g).body()).containsKey("items"));
    assertThat(MeshYaml.read("bad.json", "{\"kind\":\"List\",\"items\":[{]}").diagnostics())
        .singleElement().satisfies(d -> assertThat(d.message()).startsWith("invalid YAML"));
  }

  @Test
  @DisplayName("an empty file or one with only comments and separators has no resources and no errors")
  void empty() {
    assertThat(MeshYaml.read("e.yaml", "").documents()).isEmpty();
    ReadResult r = MeshYaml.read("e.yaml", "# nothing\n---\n---\n");
    assertThat(r.documents()).isEmpty();
    assertThat(r.diagnostics()).isEmpty();
  }
}
