package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectionWebhookTest {
  private static final List<InjectionWebhook> INSTALLED = List.of(
      InjectionWebhook.forRevision("1-22"),
      InjectionWebhook.forRevision("1-23"),
      InjectionWebhook.forTag("default", "1-22"),
      InjectionWebhook.forTag("prod", "1-23"));

  @Test
  void defaultTagAnswersToTheLegacyLabel() {
    List<InjectionWebhook.Analysis> rows =
        InjectionWebhook.analyzeAll(INSTALLED, Map.of(), Map.of("istio-injection", "enabled"));
    assertThat(rows).extracting(InjectionWebhook.Analysis::webhook, InjectionWebhook.Analysis::revision,
        InjectionWebhook.Analysis::injected).containsExactly(
            tuple("istio-revision-tag-default", "1-22", true),
            tuple("istio-revision-tag-prod", "1-23", false),
            tuple("istio-sidecar-injector-1-22", "1-22", false),
            tuple("istio-sidecar-injector-1-23", "1-23", false));
    assertThat(rows.get(0).reason()).isEqualTo("Namespace label istio-injection=enabled matches");
  }

  @Test
  void tagSelectedByNamespaceRevLabel() {
    List<InjectionWebhook.Analysis> rows =
        InjectionWebhook.analyzeAll(INSTALLED, Map.of(), Map.of("istio.io/rev", "prod"));
    assertThat(rows).filteredOn(InjectionWebhook.Analysis::injected)
        .extracting(InjectionWebhook.Analysis::webhook).containsExactly("istio-revision-tag-prod");
  }

  @Test
  void podRevLabelSelectsRevisionAndBothSelectorsNamed() {
    InjectionWebhook.Analysis a = InjectionWebhook.forRevision("1-23")
        .analyze(Map.of("istio.io/rev", "1-23", "sidecar.istio.io/inject", "true"), Map.of());
    assertThat(a.injected()).isTrue();
    assertThat(a.reason()).isEqualTo("Pod label sidecar.istio.io/inject=true matches");
  }

  @Test
  void namespaceAndPodLabelBothReported() {
    InjectionWebhook.Analysis a = InjectionWebhook.forRevision("")
        .analyze(Map.of("sidecar.istio.io/inject", "true"), Map.of("istio.io/rev", "default"));
    assertThat(a.reason())
        .isEqualTo("Namespace label istio.io/rev=default matches, and pod label sidecar.istio.io/inject=true matches");
  }

  @Test
  void namespaceRevisionWinsOverPodRevision() {
    Map<String, String> pod = Map.of("istio.io/rev", "canary");
    Map<String, String> ns = Map.of("istio.io/rev", "default");
    assertThat(InjectionWebhook.forRevision("").analyze(pod, ns).injected()).isTrue();
    InjectionWebhook.Analysis canary = InjectionWebhook.forRevision("canary").analyze(pod, ns);
    assertThat(canary.injected()).isFalse();
    assertThat(canary.reason()).startsWith("No matching namespace labels (istio.io/rev=canary)");
  }

  @Test
  void selectorsMatchLikeKubernetes() {
    LabelSelector s = new LabelSelector(Map.of("app", "a"), List.of(
        LabelSelector.requirement("tier", LabelSelector.Operator.NOT_IN, "db"),
        LabelSelector.requirement("team", LabelSelector.Operator.EXISTS)));
    assertThat(s.matches(Map.of("app", "a", "team", "x"))).isTrue();
    assertThat(s.matches(Map.of("app", "a", "team", "x", "tier", "db"))).isFalse();
    assertThat(s.matches(Map.of("app", "a"))).isFalse();
    assertThat(s.matches(Map.of("app", "b", "team", "x"))).isFalse();
    assertThat(s).hasToString("app=a,tier notin (db),team");
    assertThat(LabelSelector.ofLabels(Map.of()).isEmpty()).isTrue();
    assertThat(LabelSelector.ofLabels(Map.of()).matches(Map.of("x", "y"))).isTrue();
  }
}
