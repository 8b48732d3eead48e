package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectCorpusTest {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: hello, namespace: sample}
      spec:
        template:
          metadata: {labels: {app: hello}%s}
          spec: {containers: [{name: hello, image: i}]%s}
      """;

  @TempDir Path root;

  @Test
  @DisplayName("policy cases pass on the decision, the log line and unchanged output; mutation and error cases always fail")
  void countsPolicyCasesOnly() throws IOException {
    Path cases = Files.createDirectories(root.resolve("inject/cases"));
    Files.writeString(cases.resolve("host.yaml"), DEPLOYMENT.formatted("", ", hostNetwork: true"));
    Files.writeString(cases.resolve("off.yaml"),
        DEPLOYMENT.formatted(", annotations: {sidecar.istio.io/inject: \"false\"}", ""));
    Files.writeString(cases.resolve("plain.yaml"), DEPLOYMENT.formatted("", ""));
    Files.writeString(cases.resolve("plain.yaml.injected"), "kind: Deployment\n");
    Files.writeString(cases.resolve("host.yaml.injected"),
        DEPLOYMENT.formatted("", ", hostNetwork: true") + "status: {}\n");
    Files.writeString(cases.resolve("off.yaml.injected"),
        DEPLOYMENT.formatted(", annotations: {sidecar.istio.io/inject: \"false\"}", ""));
    Files.writeString(cases.resolve("off-changed.yaml.injected"), "kind: Deployment\n");
    Files.writeString(cases.resolve("done.yaml.injected"), "annotations: {sidecar.istio.io/status: x}\n");
    Files.writeString(root.resolve("inject/cases.yaml"), """
        cases:
        - {index: 0, name: host, in: host.yaml, want: host.yaml.injected,
           expectedLog: 'Skipping injection because Deployment "sample/hello" has host networking enabled'}
        - {index: 1, name: host-wrong-log, in: host.yaml, want: host.yaml.injected, expectedLog: 'other text'}
        - {index: 2, name: off, in: off.yaml, want: off.yaml.injected}
        - {index: 3, name: not-skipped, in: plain.yaml, want: plain.yaml.injected}
        - {index: 6, name: off-changed, in: off.yaml, want: off-changed.yaml.injected}
        - {index: 4, name: mutation, in: plain.yaml, want: done.yaml.injected}
        - {index: 5, name: error, in: plain.yaml, want: '', expectedError: includeipranges}
        """);
    CorpusResult r = Corpora.run(Corpora.forFolder(root.resolve("inject")).orElseThrow(), root.resolve("inject"));
    assertThat(r.summary()).isEqualTo("inject: 2/7 passed");
    assertThat(r.failing()).containsExactly("host-wrong-log", "not-skipped", "off-changed", "mutation", "error");
    assertThat(r.reasons().get("off-changed")).startsWith("output differs from the golden");
    assertThat(r.reasons().get("not-skipped")).startsWith("Deployment sample/hello would be injected");
    assertThat(r.reasons().get("mutation")).contains("sidecar mutation is not implemented");
  }
}
