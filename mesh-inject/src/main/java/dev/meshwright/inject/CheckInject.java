package dev.meshwright.inject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code istioctl x check-inject} view of one pod: which of the installed injector webhooks the API server
 * would call for it, and whether it then gets a sidecar. Stateless.
 */
public final class CheckInject {
  /**
   * The check for one pod.
   *
   * @param pod the pod checked
   * @param webhooks one row per webhook configuration, sorted by name
   * @param decision the outcome: injected only when some webhook is called and the injector's policy agrees
   */
  public record Report(PodView pod, List<InjectionWebhook.Analysis> webhooks, InjectionDecision decision) {
    public Report {
      Objects.requireNonNull(pod, "pod");
      webhooks = List.copyOf(webhooks);
      Objects.requireNonNull(decision, "decision");
    }
  }

  private CheckInject() {}

  /**
   * Checks {@code pod} in a namespace labelled {@code namespaceLabels} against {@code webhooks}; the pod-level
   * rules (host network, ignored namespaces, opt-out annotation, selectors, policy) come from {@code options}.
   */
  public static Report check(PodView pod, Map<String, String> namespaceLabels, List<InjectionWebhook> webhooks,
      InjectionOptions options) {
    List<InjectionWebhook.Analysis> rows = InjectionWebhook.analyzeAll(webhooks, pod.labels(), namespaceLabels);
    List<InjectionWebhook.Analysis> called = rows.stream().filter(InjectionWebhook.Analysis::injected).toList();
    InjectionDecision policy = InjectionPolicy.decide(pod, Optional.empty(), options);
    InjectionDecision decision;
    if (called.isEmpty()) {
      decision = InjectionDecision.skip(rows.isEmpty() ? "No injector webhook is installed"
          : "No injector webhook is called for the pod: " + rows.get(0).reason());
    } else if (!policy.inject()) {
      decision = policy;
    } else {
      InjectionWebhook.Analysis first = called.get(0);
      String reason = first.webhook() + " (revision " + first.revision() + "): " + first.reason();
      if (called.size() > 1) {
        reason += "; ERROR: multiple webhooks will inject ("
            + String.join(", ", called.stream().map(InjectionWebhook.Analysis::webhook).toList())
            + "), which can lead to errors";
      }
      decision = InjectionDecision.inject(reason);
    }
    return new Report(pod, rows, decision);
  }
}
