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

class MeshctlCheckInjectTest {
  private static final String INPUT = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio-injection: enabled}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: plain}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: db, namespace: shop, annotations: {sidecar.istio.io/inject: "false"}}
      spec: {containers: [{name: db, image: pg}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: lone, namespace: plain}
      spec: {containers: [{name: c, image: i}]}
      """;

  @TempDir Path dir;

  private String file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  @DisplayName("one table per pod and workload, with istioctl's reasons and a verdict line")
  void tablePerPod() throws IOException {
    Run r = meshctl("", "x", "check-inject", "-f", file("in.yaml", INPUT));
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Pod shop/web (Deployment)\nWEBHOOK                  REVISION   INJECTED   REASON\n"
        + "istio-sidecar-injector   default    ✔          Namespace label istio-injection=enabled matches\n"
        + "INJECTED: istio-sidecar-injector (revision default): Namespace label istio-injection=enabled matches");
    assertThat(r.out()).contains("Pod shop/db (Pod)", "NOT INJECTED: Pod has sidecar.istio.io/inject=false "
        + "annotation, preventing injection");
    assertThat(r.out()).contains("Pod plain/lone (Pod)", "NOT INJECTED: No injector webhook is called for the pod: "
        + "No matching namespace labels (istio.io/rev=default, istio-injection=enabled)");
  }

  @Test
  @DisplayName("-n limits the pods; --labels checks a hypothetical pod; tags add rows")
  void namespaceLabelsAndTags() throws IOException {
    String in = file("in.yaml", INPUT);
    Run onlyPlain = meshctl("", "x", "check-inject", "-f", in, "-n", "plain");
    assertThat(onlyPlain.out()).contains("plain/lone").doesNotContain("shop/");
    Run labelled = meshctl("", "x", "check-inject", "-f", in, "-n", "plain", "--labels", "istio.io/rev=prod",
        "--revision", "1-23", "--tag", "prod=1-23");
    assertThat(labelled.code()).isZero();
    assertThat(labelled.out()).contains("istio-revision-tag-prod       1-23       ✔          Pod label "
        + "istio.io/rev=prod matches", "istio-sidecar-injector-1-23   1-23       ✘", "INJECTED: istio-revision-tag-prod");
  }

  @Test
  @DisplayName("injector config decides the policy; its problems are warnings")
  void injectorConfig() throws IOException {
    String cfg = file("config.yaml", "policy: disabled\nneverInjectSelector: [{matchLabels: 3}]\n");
    Run r = meshctl("", "x", "check-inject", "-f", file("in.yaml", INPUT), "-n", "shop",
        "--injector-config", cfg);
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("warning: " + cfg + ": neverInjectSelector[0].matchLabels: must be a mapping");
    assertThat(r.out()).contains("NOT INJECTED: Injection policy is disabled");
  }

  @Test
  @DisplayName("a missing file exits 1; no pods says so")
  void errors() throws IOException {
    Run missing = meshctl("", "x", "check-inject", "-f", dir.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file or directory");
    Run none = meshctl("kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n", "x", "check-inject", "-f", "-");
    assertThat(none.code()).isZero();
    assertThat(none.out()).isEqualTo("No pods or workloads found.\n");
  }
}
