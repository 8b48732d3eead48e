package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCorpusTest {
  @TempDir Path root;

  @Test
  @DisplayName("a case passes when the (code, resource) multiset matches; counts, unknown analyzers and clusters matter")
  void comparesMultisets() throws IOException {
    Path inputs = root.resolve("analyze/inputs");
    Files.createDirectories(inputs.resolve("multicluster"));
    Files.writeString(inputs.resolve("svc.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports: [{name: foo, port: 8080}, {name: bar, port: 8081}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: sys, namespace: kube-system}
        spec:
          ports: [{name: foo, port: 8080}]
        """);
    Files.writeString(inputs.resolve("multicluster/a.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata: {name: m, namespace: n}\nspec: {type: ClusterIP}\n");
    Files.writeString(inputs.resolve("multicluster/b.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata: {name: m, namespace: n}\nspec: {type: NodePort}\n");
    Files.writeString(root.resolve("analyze/cases.yaml"), """
        cases:
        - name: right
          analyzers: [service.PortNameAnalyzer]
          input_files: [svc.yaml]
          expected:
          - {code: IST0118, resource: Service s}
          - {code: IST0118, resource: Service s}
        - name: too-few
          analyzers: [service.PortNameAnalyzer]
          input_files: [svc.yaml]
          expected:
          - {code: IST0118, resource: Service s}
        - name: unknown
          analyzers: [no.SuchAnalyzer]
          input_files: [svc.yaml]
          expected: []
        - name: clusters
          analyzers: [services.MultiClusterServiceAnalyzer]
          mode: multi-cluster
          clusters:
            cluster1: [multicluster/a.yaml]
            cluster2: [multicluster/b.yaml]
          expected:
          - {code: IST0170, resource: Service n/m}
        """);
    CorpusResult r = Corpora.run(Corpora.forFolder(root.resolve("analyze")).orElseThrow(), root.resolve("analyze"));
    assertThat(r.summary()).isEqualTo("analyze: 2/4 passed");
    assertThat(r.failing()).containsExactly("too-few", "unknown");
    assertThat(r.reasons().get("too-few")).contains("IST0118 Service s=2");
    assertThat(r.reasons().get("unknown")).contains("no.SuchAnalyzer is not implemented");
  }
}
