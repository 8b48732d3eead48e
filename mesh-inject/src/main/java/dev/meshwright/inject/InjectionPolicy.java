package dev.meshwright.inject;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether Istio 1.22's injector adds a sidecar to a pod, with the reason.
 *
 * <p>The checks run in Istio's order: host networking, ignored namespaces, then (when the namespace's labels
 * are known) whether the webhook of the injector's revision is called for the pod at all, then the pod's own
 * {@code sidecar.istio.io/inject} label (preferred) or annotation, the never- and always-inject selectors and
 * finally the default policy. Without namespace labels the decision is the one {@code istioctl kube-inject}
 * makes, which has no webhook in front of it. A pod already carrying {@code sidecar.istio.io/status} is
 * injected again (Istio removes the old sidecar first); the reason says so. Stateless.
 */
public final class InjectionPolicy {
  /** The annotation the injector writes on every pod it injected. */
  public static final String STATUS_ANNOTATION = "sidecar.istio.io/status";

  private static final Set<String> YES = Set.of("y", "yes", "true", "on");
  private static final String DEFAULT_ENABLED = "Injection policy is enabled and the pod does not opt out";

  private InjectionPolicy() {}

  /**
   * The decision for {@code pod} in a namespace with {@code namespaceLabels} (empty: unknown namespace, the
   * kube-inject view) under {@code options}.
   */
  public static InjectionDecision decide(PodView pod, Optional<Map<String, String>> namespaceLabels,
      InjectionOptions options) {
    if (pod.hostNetwork()) {
      return InjectionDecision.skip("Pod has hostNetwork: true, preventing injection");
    }
    if (options.ignoredNamespaces().contains(pod.namespace())) {
      return InjectionDecision.skip("Namespace " + pod.namespace()
          + " is ignored by the injector, preventing injection");
    }
    String webhookReason = "";
    if (namespaceLabels.isPresent()) {
      InjectionWebhook.Analysis analysis = InjectionWebhook.forRevision(options.revision())
          .analyze(pod.labels(), namespaceLabels.get());
      if (!analysis.injected()) {
        return InjectionDecision.skip(analysis.reason());
      }
      webhookReason = analysis.reason();
    }
    InjectionDecision policy = injectRequired(pod, options);
    String reason = policy.reason();
    if (!webhookReason.isEmpty()) {
      reason = policy.inject() && reason.equals(DEFAULT_ENABLED) ? webhookReason : webhookReason + "; " + reason;
    }
    if (policy.inject() && pod.annotations().containsKey(STATUS_ANNOTATION)) {
      reason += " (already injected: " + STATUS_ANNOTATION + " is set, the sidecar is injected afresh)";
    }
    return new InjectionDecision(policy.inject(), reason);
  }

  /** The decision with no namespace labels: the kube-inject view. */
  public static InjectionDecision decide(PodView pod, InjectionOptions options) {
    return decide(pod, Optional.empty(), options);
  }

  /**
   * The warning {@code istioctl kube-inject} prints when it leaves {@code pod} alone (it always uses the
   * enabled policy and no selectors), without Istio's {@code ===> } prefix; empty when it would inject.
   */
  public static Optional<String> kubeInjectWarning(PodView pod) {
    String quoted = "\"" + pod.fullName() + "\"";
    String subject = pod.kind().isEmpty() ? quoted : pod.kind() + " " + quoted;
    if (pod.hostNetwork()) {
      return Optional.of("Skipping injection because " + subject + " has host networking enabled");
    }
    if (!decide(pod, InjectionOptions.defaults()).inject()) {
      return Optional.of("Skipping injection because " + subject + " has sidecar injection disabled");
    }
    return Optional.empty();
  }

  /** Istio's per-pod rule once the webhook was called: pod opt-in/out, selectors, default policy. */
  static InjectionDecision injectRequired(PodView pod, InjectionOptions options) {
    String source = "annotation";
    String selector = pod.annotations().getOrDefault(InjectionWebhook.INJECT_LABEL, "");
    if (pod.labels().containsKey(InjectionWebhook.INJECT_LABEL)) {
      source = "label";
      selector = pod.labels().get(InjectionWebhook.INJECT_LABEL);
    }
    String value = selector.toLowerCase(Locale.ROOT);
    InjectionDecision explicit = null;
    if (YES.contains(value)) {
      explicit = InjectionDecision.inject("Pod " + source + " " + InjectionWebhook.INJECT_LABEL + "=" + selector
          + " requests injection");
    } else if (!value.isEmpty()) {
      explicit = InjectionDecision.skip("Pod has " + InjectionWebhook.INJECT_LABEL + "=" + selector + " "
          + source + ", preventing injection");
    } else {
      explicit = selectorDecision(pod.labels(), options);
    }
    return switch (options.policy()) {
      case INVALID -> InjectionDecision.skip("Injection policy is invalid (must be enabled or disabled), "
          + "automatic injection is off");
      case DISABLED -> explicit != null ? explicit : InjectionDecision.skip("Injection policy is disabled and the "
          + "pod does not opt in (" + InjectionWebhook.INJECT_LABEL + "=true or alwaysInjectSelector)");
      case ENABLED -> explicit != null ? explicit : InjectionDecision.inject(DEFAULT_ENABLED);
    };
  }

  private static InjectionDecision selectorDecision(Map<String, String> labels, InjectionOptions options) {
    for (LabelSelector s : options.neverInjectSelector()) {
      if (!s.isEmpty() && s.matches(labels)) {
        return InjectionDecision.skip("Pod labels match neverInjectSelector " + s + ", preventing injection");
      }
    }
    for (LabelSelector s : options.alwaysInjectSelector()) {
      if (!s.isEmpty() && s.matches(labels)) {
        return InjectionDecision.inject("Pod labels match alwaysInjectSelector " + s);
      }
    }
    return null;
  }
}
