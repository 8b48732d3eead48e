package dev.meshwright.inject;

import static dev.meshwright.inject.LabelSelector.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.inject.InjectionOptions.Policy;
import dev.meshwright.inject.LabelSelector.Operator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InjectionPolicyTest {
  private static final InjectionOptions ENABLED = InjectionOptions.defaults();
  private static final InjectionOptions DISABLED = ENABLED.withPolicy(Policy.DISABLED);
  private static final Map<String, String> NONE = Map.of();

  private static PodView pod(Map<String, String> labels, Map<String, String> annotations) {
    return PodView.pod("web", "apps", labels, annotations);
  }

  static Stream<Arguments> kubeInjectView() {
    InjectionOptions never = ENABLED.withNeverInjectSelector(List.of(
        LabelSelector.ofLabels(Map.of()), LabelSelector.ofLabels(Map.of("tier", "db"))));
    InjectionOptions always = DISABLED.withAlwaysInjectSelector(List.of(
        LabelSelector.of(requirement("tier", Operator.IN, "web", "api"))));
    InjectionOptions both = ENABLED
        .withNeverInjectSelector(List.of(LabelSelector.ofLabels(Map.of("tier", "db"))))
        .withAlwaysInjectSelector(List.of(LabelSelector.ofLabels(Map.of("tier", "db"))));
    return Stream.of(
        Arguments.of("enabled policy, no opinion", ENABLED, pod(NONE, NONE), true,
            "Injection policy is enabled and the pod does not opt out"),
        Arguments.of("disabled policy, no opinion", DISABLED, pod(NONE, NONE), false,
            "Injection policy is disabled and the pod does not opt in"),
        Arguments.of("invalid policy beats an opt-in", ENABLED.withPolicy(Policy.INVALID),
            pod(Map.of("sidecar.istio.io/inject", "true"), NONE), false, "Injection policy is invalid"),
        Arguments.of("label opts out", ENABLED, pod(Map.of("sidecar.istio.io/inject", "false"), NONE), false,
            "Pod has sidecar.istio.io/inject=false label, preventing injection"),
        Arguments.of("annotation opts out", ENABLED, pod(NONE, Map.of("sidecar.istio.io/inject", "false")), false,
            "Pod has sidecar.istio.io/inject=false annotation, preventing injection"),
        Arguments.of("any non-yes value opts out", ENABLED, pod(NONE, Map.of("sidecar.istio.io/inject", "nope")),
            false, "sidecar.istio.io/inject=nope annotation"),
        Arguments.of("label beats annotation (in)", DISABLED, pod(Map.of("sidecar.istio.io/inject", "true"),
            Map.of("sidecar.istio.io/inject", "false")), true, "Pod label sidecar.istio.io/inject=true"),
        Arguments.of("label beats annotation (out)", ENABLED, pod(Map.of("sidecar.istio.io/inject", "false"),
            Map.of("sidecar.istio.io/inject", "true")), false, "=false label"),
        Arguments.of("YAML booleans, any case", DISABLED, pod(NONE, Map.of("sidecar.istio.io/inject", "On")),
            true, "Pod annotation sidecar.istio.io/inject=On requests injection"),
        Arguments.of("y counts as yes", DISABLED, pod(NONE, Map.of("sidecar.istio.io/inject", "Y")), true,
            "requests injection"),
        Arguments.of("never selector", never, pod(Map.of("tier", "db"), NONE), false,
            "Pod labels match neverInjectSelector tier=db, preventing injection"),
        Arguments.of("never selector does not match", never, pod(Map.of("tier", "web"), NONE), true,
            "policy is enabled"),
        Arguments.of("pod opt-in beats never selector", never,
            pod(Map.of("tier", "db"), Map.of("sidecar.istio.io/inject", "true")), true, "requests injection"),
        Arguments.of("always selector", always, pod(Map.of("tier", "api"), NONE), true,
            "Pod labels match alwaysInjectSelector tier in (web,api)"),
        Arguments.of("pod opt-out beats always selector", always,
            pod(Map.of("tier", "api", "sidecar.istio.io/inject", "false"), NONE), false, "preventing injection"),
        Arguments.of("never checked before always", both, pod(Map.of("tier", "db"), NONE), false,
            "neverInjectSelector"),
        Arguments.of("host network", ENABLED,
            pod(Map.of("sidecar.istio.io/inject", "true"), NONE).withHostNetwork(true), false,
            "Pod has hostNetwork: true, preventing injection"),
        Arguments.of("kube-system ignored", ENABLED, PodView.pod("dns", "kube-system", NONE, NONE), false,
            "Namespace kube-system is ignored by the injector, preventing injection"),
        Arguments.of("kube-public ignored even when asked", ENABLED,
            PodView.pod("x", "kube-public", Map.of("sidecar.istio.io/inject", "true"), NONE), false,
            "kube-public is ignored"),
        Arguments.of("already injected is injected afresh", ENABLED,
            pod(NONE, Map.of("sidecar.istio.io/status", "{}")), true, "already injected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void kubeInjectView(String name, InjectionOptions options, PodView pod, boolean inject, String reason) {
    InjectionDecision d = InjectionPolicy.decide(pod, options);
    assertThat(d.inject()).as(d.reason()).isEqualTo(inject);
    assertThat(d.reason()).contains(reason);
  }

  @org.junit.jupiter.api.Test
  void kubeInjectWarnings() {
    PodView host = new PodView("Deployment", "hello", "sample", NONE, NONE, true);
    assertThat(InjectionPolicy.kubeInjectWarning(host))
        .contains("Skipping injection because Deployment \"sample/hello\" has host networking enabled");
    PodView off = new PodView("Pod", "p", "", NONE, Map.of("sidecar.istio.io/inject", "false"), false);
    assertThat(InjectionPolicy.kubeInjectWarning(off))
        .contains("Skipping injection because Pod \"p\" has sidecar injection disabled");
    assertThat(InjectionPolicy.kubeInjectWarning(pod(NONE, NONE))).isEmpty();
  }

  static Stream<Arguments> webhookView() {
    InjectionOptions canary = ENABLED.withRevision("canary");
    return Stream.of(
        Arguments.of("namespace enabled", ENABLED, Map.of("istio-injection", "enabled"), NONE, true,
            "Namespace label istio-injection=enabled matches"),
        Arguments.of("namespace disabled beats pod label", ENABLED, Map.of("istio-injection", "disabled"),
            Map.of("sidecar.istio.io/inject", "true"), false,
            "Namespace has istio-injection=disabled label, preventing injection"),
        Arguments.of("namespace enabled, pod label opts out", ENABLED, Map.of("istio-injection", "enabled"),
            Map.of("sidecar.istio.io/inject", "false"), false,
            "Pod has sidecar.istio.io/inject=false label, preventing injection"),
        Arguments.of("unlabelled namespace, pod label opts in", ENABLED, NONE,
            Map.of("sidecar.istio.io/inject", "true"), true, "Pod label sidecar.istio.io/inject=true matches"),
        Arguments.of("unlabelled namespace, no opt-in: webhook not called", ENABLED, NONE, NONE, false,
            "No matching namespace labels (istio.io/rev=default, istio-injection=enabled) or pod labels "
                + "(istio.io/rev=default, sidecar.istio.io/inject=true)"),
        Arguments.of("namespace rev default", ENABLED, Map.of("istio.io/rev", "default"), NONE, true,
            "Namespace label istio.io/rev=default matches"),
        Arguments.of("namespace rev of another revision", ENABLED, Map.of("istio.io/rev", "canary"), NONE, false,
            "No matching namespace labels"),
        Arguments.of("canary injector, canary namespace", canary, Map.of("istio.io/rev", "canary"), NONE, true,
            "Namespace label istio.io/rev=canary matches"),
        Arguments.of("canary injector ignores istio-injection", canary, Map.of("istio-injection", "enabled"),
            NONE, false, "No matching namespace labels (istio.io/rev=canary) or pod labels (istio.io/rev=canary)"),
        Arguments.of("canary injector, pod rev label", canary, NONE, Map.of("istio.io/rev", "canary"), true,
            "Pod label istio.io/rev=canary matches"),
        Arguments.of("webhook called but disabled policy", DISABLED, Map.of("istio-injection", "enabled"), NONE,
            false, "Namespace label istio-injection=enabled matches; Injection policy is disabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void webhookView(String name, InjectionOptions options, Map<String, String> nsLabels,
      Map<String, String> podLabels, boolean inject, String reason) {
    InjectionDecision d = InjectionPolicy.decide(pod(podLabels, NONE), Optional.of(nsLabels), options);
    assertThat(d.inject()).as(d.reason()).isEqualTo(inject);
    assertThat(d.reason()).contains(reason);
  }
}
