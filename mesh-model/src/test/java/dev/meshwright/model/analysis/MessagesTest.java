package dev.meshwright.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  @DisplayName("the catalog holds Istio 1.22.8's 62 message types with their levels and templates")
  void catalog() {
    assertThat(Messages.all()).hasSize(62);
    assertThat(Messages.byCode("IST0101")).contains(Messages.REFERENCED_RESOURCE_NOT_FOUND);
    assertThat(Messages.REFERENCED_RESOURCE_NOT_FOUND.level()).isEqualTo(Level.ERROR);
    assertThat(Messages.PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION.level()).isEqualTo(Level.INFO);
    assertThat(Messages.MULTI_CLUSTER_INCONSISTENT_SERVICE.code()).isEqualTo("IST0170");
    assertThat(Messages.byCode("IST0104")).isEmpty();
  }

  @Test
  @DisplayName("a message prints as istioctl prints it: level, code, origin with file:line, filled template")
  void format() {
    AnalysisMessage m = AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND,
        ResourceRef.of("VirtualService", "default", "foo"), "host", "bar");
    assertThat(m.format()).isEqualTo("Error [IST0101] (VirtualService default/foo) Referenced host not found: \"bar\"");
    AnalysisMessage located = AnalysisMessage.of(Messages.NAMESPACE_NOT_INJECTED,
        new ResourceRef("Namespace", "", "bar", "ns.yaml", 3), "bar", "bar");
    assertThat(located.format()).startsWith("Info [IST0102] (Namespace bar ns.yaml:3) The namespace is not enabled");
    assertThat(located.line()).isEqualTo(3);
    assertThat(m.line()).isZero();
    AnalysisMessage json = AnalysisMessage.of(Messages.INVALID_APPLICATION_UID,
        new ResourceRef("Pod", "ns", "p", "pods.json", 7));
    assertThat(json.reference()).isEqualTo("pods.json");
  }

  @Test
  @DisplayName("Go verbs: slices print as [a b], %q quotes each element, missing arguments are flagged")
  void goVerbs() {
    assertThat(GoFormat.sprintf("%v in %q at %d%%", List.of(List.of("a", "b"), List.of("x\"y"), 5)))
        .isEqualTo("[a b] in [\"x\\\"y\"] at 5%");
    assertThat(GoFormat.sprintf("%s and %s", List.of("one"))).isEqualTo("one and %!s(MISSING)");
    assertThat(new AnalysisMessage(Messages.INVALID_APPLICATION_UID, Optional.empty(), List.of(), "").format())
        .isEqualTo("Warning [IST0144] User ID (UID) 1337 is reserved for the sidecar proxy.");
  }

  @Test
  @DisplayName("levels parse case-insensitively and order Info < Warning < Error")
  void levels() {
    assertThat(Level.parse("warning")).isEqualTo(Level.WARNING);
    assertThat(Level.ERROR.reaches(Level.WARNING)).isTrue();
    assertThat(Level.INFO.reaches(Level.WARNING)).isFalse();
  }
}
