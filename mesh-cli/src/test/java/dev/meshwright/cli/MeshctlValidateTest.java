package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlValidateTest {
  private static final String VALID = """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: default
        namespace: foo
      spec:
        mtls:
          mode: STRICT
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run meshctl(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Meshctl.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  @DisplayName("valid files exit 0 and print a summary")
  void valid() throws IOException {
    Run r = meshctl("", "validate", "-f", write("pa.yaml", VALID).toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("valid: 1 resource(s) in 1 file(s)");
  }

  @Test
  @DisplayName("an invalid resource exits 1 with one contract line per problem")
  void invalid() throws IOException {
    Path f = write("bad.yaml", VALID.replace("  mtls:", "  portLevelMtls:\n    \"8080\": {mode: DISABLE}\n  mtls:"));
    Run r = meshctl("", "validate", "-f", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines()).containsExactly("error: " + f + ": PeerAuthentication foo/default: "
        + "spec.portLevelMtls: mesh/namespace peer authentication cannot have port level mTLS");
  }

  @Test
  @DisplayName("-o json prints every problem with file, kind, namespace, name, path, message and severity")
  void json() throws IOException {
    Path f = write("bad.yaml", VALID.replace("mode: STRICT", "mode: STRICT\n    extra: 1"));
    Run r = meshctl("", "validate", "-o", "json", "-f", f.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode arr = new ObjectMapper().readTree(r.out());
    assertThat(arr).hasSize(1);
    JsonNode p = arr.get(0);
    assertThat(p.get("file").asText()).isEqualTo(f.toString());
    assertThat(p.get("kind").asText()).isEqualTo("PeerAuthentication");
    assertThat(p.get("namespace").asText()).isEqualTo("foo");
    assertThat(p.get("name").asText()).isEqualTo("default");
    assertThat(p.get("path").asText()).isEqualTo("spec.mtls");
    assertThat(p.get("message").asText()).isEqualTo("unknown field \"extra\"");
    assertThat(p.get("severity").asText()).isEqualTo("error");
    assertThat(p.get("line").asInt()).isEqualTo(9);
  }

  @Test
  @DisplayName("directories are searched recursively and - reads standard input")
  void directoriesAndStdin() throws IOException {
    write("a/one.yaml", VALID);
    write("a/b/two.yml", VALID.replace("default", "two"));
    write("a/b/readme.txt", "not config");
    Run r = meshctl(VALID, "validate", "-f", dir.resolve("a").toString(), "-f", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("valid: 3 resource(s) in 3 file(s)");
  }

  @Test
  @DisplayName("malformed YAML names file, line and column; the other documents are still checked")
  void malformed() throws IOException {
    Path f = write("m.yaml", VALID + "---\nkind: [oops\n---\n" + VALID.replace("mode: STRICT", "mode: NOPE"));
    Run r = meshctl("", "validate", "-f", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(2);
    assertThat(r.err().lines().toList().get(0)).startsWith("error: " + f + ":10:").contains("invalid YAML");
    assertThat(r.err().lines().toList().get(1))
        .startsWith("error: " + f + ":19:").contains("spec.mtls.mode").contains("NOPE");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a missing file, an unknown Istio kind and a bad apiVersion are clear errors, not stack traces")
  void otherBadInput() throws IOException {
    Path f = write("k.yaml", VALID.replace("kind: PeerAuthentication", "kind: PeerAuthenticator") + "---\n"
        + VALID.replace("security.istio.io/v1", "security.istio.io/v9"));
    Run r = meshctl("", "validate", "-f", f.toString(), "-f", dir.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("unknown kind PeerAuthenticator in API group security.istio.io")
        .contains("unsupported apiVersion security.istio.io/v9")
        .contains("nope.yaml: no such file or directory")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName("meshctl version prints both versions, as text or JSON")
  void version() throws IOException {
    Run text = meshctl("", "version");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("istio api version: 1.22.8");
    Run json = meshctl("", "version", "-o", "json");
    assertThat(new ObjectMapper().readTree(json.out()).get("istioVersion").asText()).isEqualTo("1.22.8");
  }

  @Test
  @DisplayName("every command answers --help with its usage and exit 0")
  void help() {
    for (String[] args : new String[][] {{"validate", "--help"}, {"x", "check-inject", "--help"}, {"profile", "dump", "-h"}}) {
      Run r = meshctl("", args);
      assertThat(r.code()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).startsWith("Usage: meshctl");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  @DisplayName("usage errors exit 2")
  void usage() {
    assertThat(meshctl("", "validate").code()).isEqualTo(2);
    assertThat(meshctl("", "frobnicate").code()).isEqualTo(2);
  }
}
