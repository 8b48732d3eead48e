package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlAnalyzeTest {
  private static final String VS = """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: foo
      spec:
        hosts: [foo]
        http:
        - route:
          - destination: {host: bar}
      """;
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: foo, namespace: other}
      spec:
        ports: [{name: weird, port: 8080}]
      """;

  @TempDir Path dir;

  private String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  @DisplayName("a dangling host prints Istio's line in the default namespace and exits 79")
  void errorExits79() throws IOException {
    String f = write("vs.yaml", VS);
    MeshctlValidateTest.Run r = meshctl("", "analyze", f);
    assertThat(r.code()).isEqualTo(79);
    assertThat(r.out()).isEqualTo(
        "Error [IST0101] (VirtualService default/foo " + f + ":1) Referenced host not found: \"bar\"\n");
  }

  @Test
  @DisplayName("messages below the failure threshold exit 0; other namespaces are filtered unless -A")
  void thresholdAndNamespaces() throws IOException {
    String f = write("svc.yaml", SERVICE);
    MeshctlValidateTest.Run quiet = meshctl("", "analyze", f);
    assertThat(quiet.code()).isZero();
    assertThat(quiet.err()).contains("\u2714 No validation issues found when analyzing " + f + ".");
    MeshctlValidateTest.Run all = meshctl("", "analyze", "-A", "--failure-threshold", "Info", f);
    assertThat(all.code()).isEqualTo(79);
    assertThat(all.out()).startsWith("Info [IST0118] (Service other/foo " + f + ":1) Port name weird");
    assertThat(meshctl("", "analyze", "-n", "other", f).out()).contains("IST0118");
    assertThat(meshctl("", "analyze", "-n", "other", "-S", "IST0118=Service other/*", f).out()).doesNotContain("IST0118");
  }

  @Test
  @DisplayName("-o json prints code, level, message, origin and reference; json output never fails the exit code")
  void json() throws IOException {
    String f = write("vs.yaml", VS);
    MeshctlValidateTest.Run r = meshctl("", "analyze", "-o", "json", f);
    assertThat(r.code()).isZero();
    JsonNode arr = new ObjectMapper().readTree(r.out());
    assertThat(arr).hasSize(1);
    assertThat(arr.get(0).get("code").asText()).isEqualTo("IST0101");
    assertThat(arr.get(0).get("level").asText()).isEqualTo("Error");
    assertThat(arr.get(0).get("origin").asText()).isEqualTo("VirtualService default/foo");
    assertThat(arr.get(0).get("message").asText()).isEqualTo("Referenced host not found: \"bar\"");
    assertThat(arr.get(0).get("reference").asText()).isEqualTo(f + ":1");
    assertThat(meshctl("", "analyze", "-o", "yaml", f).out()).startsWith("- code: IST0101\n  documentationUrl: ");
  }

  @Test
  @DisplayName("--meshConfigFile turning ingress off removes the default ingress gateway")
  void meshConfig() throws IOException {
    String gw = write("gw.yaml", """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: default}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
        """);
    assertThat(meshctl("", "analyze", gw).out()).doesNotContain("IST0101");
    String mesh = write("mesh.yaml", "ingressControllerMode: \"OFF\"\n");
    assertThat(meshctl("", "analyze", "--meshConfigFile", mesh, gw).out())
        .contains("Referenced selector not found: \"istio=ingressgateway\"");
    String bad = write("bad.yaml", "notAField: 1\n");
    MeshctlValidateTest.Run r = meshctl("", "analyze", "--meshConfigFile", bad, gw);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml").contains("notAField");
  }

  @Test
  @DisplayName("bad input: unreadable files exit 1 naming the file; bad options are usage errors; -L lists analyzers")
  void badInput() throws IOException {
    MeshctlValidateTest.Run missing = meshctl("", "analyze", dir.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.yaml").contains("no such file");
    assertThat(meshctl("", "analyze", "-o", "xml", write("a.yaml", VS)).code()).isEqualTo(2);
    assertThat(meshctl("", "analyze", "-S", "IST0101", write("b.yaml", VS)).code()).isEqualTo(2);
    assertThat(meshctl("", "analyze", "--failure-threshold", "Fatal", write("c.yaml", VS)).code()).isEqualTo(2);
    MeshctlValidateTest.Run list = meshctl("", "analyze", "-L");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("* virtualservice.GatewayAnalyzer:\n    Checks the gateways associated with each virtual service\n");
  }

  @Test
  @DisplayName("standard input is read with -")
  void stdin() {
    MeshctlValidateTest.Run r = meshctl(VS, "analyze", "-");
    assertThat(r.code()).isEqualTo(79);
    assertThat(r.out()).contains("(VirtualService default/foo -:1)");
  }
}
