package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.inject.InjectionException;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.KubeInject;
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
  @DisplayName("a case passes on structurally equal output (kube-inject or webhook path), the log line or the error")
  void judgesOutputLogsAndErrors() throws IOException, InjectionException {
    Path cases = Files.createDirectories(root.resolve("inject/cases"));
    Files.writeString(cases.resolve("host.yaml"), DEPLOYMENT.formatted("", ", hostNetwork: true"));
    Files.writeString(cases.resolve("host.yaml.injected"),
        DEPLOYMENT.formatted("", ", hostNetwork: true") + "status: {}\n---\n");
    Files.writeString(cases.resolve("off.yaml"),
        DEPLOYMENT.formatted(", annotations: {sidecar.istio.io/inject: \"false\"}", ""));
    Files.writeString(cases.resolve("off.yaml.injected"),
        DEPLOYMENT.formatted(", annotations: {sidecar.istio.io/inject: \"false\"}", ""));
    Files.writeString(cases.resolve("plain.yaml"), DEPLOYMENT.formatted("", ""));
    String injected = KubeInject.inject("plain.yaml", DEPLOYMENT.formatted("", ""), InjectionSettings.defaults())
        .yaml();
    // Serialisation artefacts (empty structs, creationTimestamp: null, quantity spelling) must not matter.
    Files.writeString(cases.resolve("plain.yaml.injected"), injected.replaceAll("(?m)^\\s*creationTimestamp: null\\n", "")
        .replace("status: {}\n", "").replace("cpu: \"2\"", "cpu: 2000m"));
    assertThat(Files.readString(cases.resolve("plain.yaml.injected"))).doesNotContain("creationTimestamp")
        .contains("cpu: 2000m").isNotEqualTo(injected);
    Files.writeString(cases.resolve("wrong.yaml.injected"), "kind: Deployment\n");
    Files.writeString(cases.resolve("bad.yaml"), DEPLOYMENT.formatted(
        ", annotations: {traffic.sidecar.istio.io/includeOutboundIPRanges: \"10.0.0.0/x\"}", ""));
    Files.writeString(root.resolve("inject/cases.yaml"), """
        cases:
        - {index: 0, name: host, in: host.yaml, want: host.yaml.injected,
           expectedLog: 'Skipping injection because Deployment "sample/hello" has host networking enabled'}
        - {index: 1, name: host-wrong-log, in: host.yaml, want: host.yaml.injected, expectedLog: 'other text'}
        - {index: 2, name: off, in: off.yaml, want: off.yaml.injected}
        - {index: 3, name: injected, in: plain.yaml, want: plain.yaml.injected}
        - {index: 4, name: wrong, in: plain.yaml, want: wrong.yaml.injected}
        - {index: 5, name: error, in: bad.yaml, want: '', expectedError: includeipranges}
        - {index: 6, name: no-error, in: plain.yaml, want: '', expectedError: includeipranges}
        - {index: 7, name: webhook-only, in: plain.yaml, want: plain.yaml.injected, skipInjection: true}
        - {index: 8, name: webhook-wrong, in: plain.yaml, want: wrong.yaml.injected, skipInjection: true}
        """);
    CorpusResult r = Corpora.run(Corpora.forFolder(root.resolve("inject")).orElseThrow(), root.resolve("inject"));
    assertThat(r.summary()).isEqualTo("inject: 5/9 passed\ninject-webhook: 5/7");
    assertThat(r.extraLines()).singleElement().satisfies(webhook ->
        assertThat(webhook.failing()).as("error cases are not sent through the webhook").containsExactly("wrong", "webhook-wrong"));
    assertThat(r.failing()).containsExactly("host-wrong-log", "wrong", "no-error", "webhook-wrong");
    assertThat(r.reasons().get("host-wrong-log")).startsWith("no warning contains 'other text'");
    assertThat(r.reasons().get("wrong")).contains("differs from the golden wrong.yaml.injected");
    assertThat(r.reasons().get("no-error")).startsWith("expected an error containing 'includeipranges'");
    assertThat(r.reasons().get("webhook-wrong")).startsWith("webhook pod 1 differs from the golden");
  }
}
