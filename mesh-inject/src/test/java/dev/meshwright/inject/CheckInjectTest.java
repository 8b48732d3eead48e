package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInjectTest {
  private static final InjectionOptions OPTIONS = InjectionOptions.defaults();
  private static final List<InjectionWebhook> DEFAULT = List.of(InjectionWebhook.forRevision(""));

  @Test
  void injectedThroughNamespaceLabel() {
    CheckInject.Report r = CheckInject.check(PodView.pod("p", "a", Map.of(), Map.of()),
        Map.of("istio-injection", "enabled"), DEFAULT, OPTIONS);
    assertThat(r.decision()).isEqualTo(InjectionDecision.inject(
        "istio-sidecar-injector (revision default): Namespace label istio-injection=enabled matches"));
    assertThat(r.webhooks()).hasSize(1);
  }

  @Test
  void webhookCalledButPodAnnotationOptsOut() {
    CheckInject.Report r = CheckInject.check(PodView.pod("p", "a", Map.of(),
        Map.of("sidecar.istio.io/inject", "false")), Map.of("istio-injection", "enabled"), DEFAULT, OPTIONS);
    assertThat(r.webhooks().get(0).injected()).isTrue();
    assertThat(r.decision().inject()).isFalse();
    assertThat(r.decision().reason()).isEqualTo("Pod has sidecar.istio.io/inject=false annotation, preventing injection");
  }

  @Test
  void noWebhookCalled() {
    CheckInject.Report r = CheckInject.check(PodView.pod("p", "a", Map.of(), Map.of()), Map.of(), DEFAULT, OPTIONS);
    assertThat(r.decision().inject()).isFalse();
    assertThat(r.decision().reason()).startsWith("No injector webhook is called for the pod: No matching namespace");
    assertThat(CheckInject.check(PodView.pod("p", "a", Map.of(), Map.of()), Map.of(), List.of(), OPTIONS)
        .decision().reason()).isEqualTo("No injector webhook is installed");
  }

  @Test
  void twoWebhooksInjectIsAnError() {
    CheckInject.Report r = CheckInject.check(PodView.pod("p", "a", Map.of(), Map.of()),
        Map.of("istio-injection", "enabled"),
        List.of(InjectionWebhook.forRevision(""), InjectionWebhook.forTag("default", "1-22")), OPTIONS);
    assertThat(r.decision().inject()).isTrue();
    assertThat(r.decision().reason()).contains("ERROR: multiple webhooks will inject "
        + "(istio-revision-tag-default, istio-sidecar-injector)");
  }
}
