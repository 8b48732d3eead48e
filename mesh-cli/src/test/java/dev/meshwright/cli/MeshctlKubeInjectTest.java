package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.cli.MeshctlValidateTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlKubeInjectTest {
  private static final String INPUT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: skipped, annotations: {sidecar.istio.io/inject: "false"}}
      spec: {containers: [{name: c, image: i}]}
      """;

  @TempDir Path dir;

  private String file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  @DisplayName("injects workloads, passes other kinds through and warns about skipped pods")
  void injects() throws IOException {
    Run r = meshctl("", "kube-inject", "-f", file("in.yaml", INPUT), "--set", "global.hub=example.io/istio",
        "--set", "values.global.tag=9.9", "--revision", "canary");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEqualTo("===> Skipping injection because Pod \"skipped\" has sidecar injection disabled\n");
    assertThat(r.out()).contains("image: example.io/istio/proxyv2:9.9", "istio.io/rev: canary",
        "value: istiod-canary.istio-system.svc:15012",
        "name: istio-init", "name: istio-proxy",
        "value: kubernetes://apis/apps/v1/namespaces/shop/deployments/web");
    assertThat(r.out()).contains("kind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\n");
    assertThat(r.out().split("(?m)^---$")).hasSize(4);
  }

  @Test
  @DisplayName("values and mesh files are applied; TPROXY from the mesh reaches the iptables arguments")
  void valuesAndMesh() throws IOException {
    String values = file("values.json", "{\"global\": {\"proxy\": {\"holdApplicationUntilProxyStarts\": true}}}");
    String mesh = file("mesh.yaml", "defaultConfig:\n  interceptionMode: TPROXY\n");
    Run r = meshctl("", "kube-inject", "-f", file("in.yaml", INPUT), "--valuesFile", values,
        "--meshConfigFile", mesh);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("- TPROXY", "- pilot-agent\n", "PROXY_CONFIG");
  }

  @Test
  @DisplayName("a bad annotation, a bad mesh file or a bad --set gives an error naming it and exit 1")
  void errors() throws IOException {
    String bad = INPUT.replace("labels: {app: web}",
        "labels: {app: web}, annotations: {traffic.sidecar.istio.io/excludeInboundPorts: \"x\"}");
    Run r = meshctl("", "kube-inject", "-f", file("bad.yaml", bad));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml: document 1: Deployment shop/web:", "excludeInboundPorts invalid");
    assertThat(r.out()).isEmpty();

    Run mesh = meshctl("", "kube-inject", "-f", file("in.yaml", INPUT), "--meshConfigFile",
        file("mesh.yaml", "defaultConfig: {drainDuration: soon}\n"));
    assertThat(mesh.code()).isEqualTo(1);
    assertThat(mesh.err()).contains("mesh.yaml").contains("drainDuration");

    Run set = meshctl("", "kube-inject", "-f", file("in.yaml", INPUT), "--set", "novalue");
    assertThat(set.code()).isEqualTo(1);
    assertThat(set.err()).isEqualTo("error: --set novalue: expected path=value\n");

    Run missing = meshctl("", "kube-inject", "-f", dir.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.yaml: cannot read file");
  }
}
