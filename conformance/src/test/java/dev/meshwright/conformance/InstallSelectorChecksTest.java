package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InstallSelectorChecksTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  @DisplayName("label selectors: matchLabels and In/NotIn/Exists/DoesNotExist; a missing selector selects all")
  void selectors() throws IOException {
    JsonNode sel = YAML.readTree("""
        matchLabels: {a: x}
        matchExpressions:
        - {key: b, operator: In, values: [y]}
        - {key: c, operator: DoesNotExist}
        """);

    assertThat(InstallSelectorChecks.selects(sel, YAML.readTree("{a: x, b: y}"))).isTrue();
    assertThat(InstallSelectorChecks.selects(sel, YAML.readTree("{a: x, b: y, c: z}"))).isFalse();
    assertThat(InstallSelectorChecks.selects(sel, YAML.readTree("{a: x, b: n}"))).isFalse();
    assertThat(InstallSelectorChecks.selects(null, YAML.readTree("{}"))).isTrue();
  }

  @Test
  @DisplayName("the webhook matrix fails on a wrong expected service and on two matching webhooks")
  void matrix() throws IOException {
    ObjectNode mwc = (ObjectNode) YAML.readTree("""
        webhooks:
        - clientConfig: {service: {name: istiod}}
          namespaceSelector: {matchLabels: {istio-injection: enabled}}
        """);
    JsonNode expect = YAML.readTree("""
        webhook_sources: {one: {object: x}, two: {object: y}}
        label_sets:
          namespace: {empty: {}, legacy: {istio-injection: enabled}}
          pod: {empty: {}}
        scenarios:
        - name: s
          webhooks: [one]
          assertions:
          - {namespace_labels: legacy, pod_labels: empty, expected_service: WANT}
        """);

    assertThat(InstallSelectorChecks.webhookMatrix(YAML.readTree(YAML.writeValueAsString(expect)
        .replace("WANT", "istiod")), s -> Optional.of(mwc))).isEmpty();
    assertThat(InstallSelectorChecks.webhookMatrix(YAML.readTree(YAML.writeValueAsString(expect)
        .replace("WANT", "other")), s -> Optional.of(mwc))).contains("injected by 'istiod', expected 'other'");
    String twice = YAML.writeValueAsString(expect).replace("WANT", "istiod").replace("webhooks:\n  - \"one\"",
        "webhooks:\n  - \"one\"\n  - \"two\"");
    assertThat(InstallSelectorChecks.webhookMatrix(YAML.readTree(twice), s -> Optional.of(mwc)))
        .contains("2 webhooks match");
  }
}
