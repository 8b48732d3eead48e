package dev.meshwright.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformWebhookTest {
  @TempDir Path dir;

  @Test
  @DisplayName("an AdmissionReview over HTTPS is allowed with a patch that adds istio-proxy; the registration points at the server")
  void injectsOverHttps() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    PlatformWebhook.Outcome outcome = PlatformWebhook.run(dir,
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(outcome.answer().path("response").path("uid").asText()).isEqualTo("0d7b9a4e-example");
    assertThat(outcome.answer().path("response").path("allowed").asBoolean()).isTrue();
    assertThat(outcome.answer().path("response").path("patchType").asText()).isEqualTo("JSONPatch");
    assertThat(PlatformWebhook.names(outcome.injectedPod().path("spec").path("containers")))
        .containsExactly("reviews", "istio-proxy");
    assertThat(PlatformWebhook.names(outcome.injectedPod().path("spec").path("initContainers")))
        .contains("istio-init");
    assertThat(outcome.registration())
        .contains("kind: MutatingWebhookConfiguration", "name: istio-sidecar-injector",
            "name: namespace.sidecar-injector.istio.io", "key: istio-injection", "- enabled",
            "url: https://127.0.0.1:", "/inject", "caBundle: ", "resources:\n    - pods", "sideEffects: None");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("containers after the patch: [reviews, istio-proxy]");
  }
}
