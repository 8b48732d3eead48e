package dev.meshwright.inject;

import static dev.meshwright.inject.LabelSelector.requirement;

import dev.meshwright.inject.LabelSelector.Operator;
import dev.meshwright.inject.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Istio injector {@code MutatingWebhookConfiguration} as the Istio 1.22 chart (or {@code istioctl tag})
 * renders it: its name, the revision it serves and the selectors of its webhooks. {@link #analyze} says whether
 * the API server would send a pod to it, with the reason {@code istioctl x check-inject} gives. Immutable.
 *
 * @param name the configuration's name ({@code istio-sidecar-injector}, {@code istio-revision-tag-prod})
 * @param revision the {@code istio.io/rev} label of the configuration ({@code default} for the default one)
 * @param webhooks its webhooks, in order
 */
public record InjectionWebhook(String name, String revision, List<Hook> webhooks) {
  /** The namespace label that switches the default injector on or off. */
  public static final String INJECTION_LABEL = "istio-injection";
  /** The namespace or pod label naming a revision or tag. */
  public static final String REV_LABEL = "istio.io/rev";
  /** The pod label (and annotation) that opts a pod in or out. */
  public static final String INJECT_LABEL = "sidecar.istio.io/inject";

  /**
   * One webhook: both selectors must match for the API server to call it. An absent selector matches all.
   *
   * @param name the webhook name ({@code rev.namespace.sidecar-injector.istio.io})
   * @param namespaceSelector the namespace selector, if any
   * @param objectSelector the object (pod) selector, if any
   */
  public record Hook(String name, Optional<LabelSelector> namespaceSelector, Optional<LabelSelector> objectSelector) {
    public Hook {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespaceSelector, "namespaceSelector");
      Objects.requireNonNull(objectSelector, "objectSelector");
    }
  }

  /**
   * The result for one configuration, one row of {@code check-inject}'s table.
   *
   * @param webhook the configuration name
   * @param revision its revision label
   * @param injected whether one of its webhooks would be called for the pod
   * @param reason why, in check-inject's words
   */
  public record Analysis(String webhook, String revision, boolean injected, String reason) {}

  public InjectionWebhook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revision, "revision");
    webhooks = List.copyOf(webhooks);
  }

  /**
   * The configuration installed with a control plane of {@code revision} (empty for the default revision),
   * which also carries the legacy {@code istio-injection} webhooks when the revision is the default one.
   */
  public static InjectionWebhook forRevision(String revision) {
    String rev = revision.isEmpty() ? "default" : revision;
    String name = revision.isEmpty() ? "istio-sidecar-injector" : "istio-sidecar-injector-" + revision;
    return new InjectionWebhook(name, rev, hooks(rev, revision.isEmpty()));
  }

  /**
   * The configuration {@code istioctl tag set <tag> --revision <revision>} creates; the tag {@code default}
   * also answers to {@code istio-injection=enabled} and to pods labelled {@code sidecar.istio.io/inject=true}.
   */
  public static InjectionWebhook forTag(String tag, String revision) {
    return new InjectionWebhook("istio-revision-tag-" + tag, revision.isEmpty() ? "default" : revision,
        hooks(tag, tag.equals("default")));
  }

  private static List<Hook> hooks(String rev, boolean legacy) {
    Requirement notDisabled = requirement(INJECT_LABEL, Operator.NOT_IN, "false");
    List<Hook> hooks = new ArrayList<>();
    hooks.add(new Hook("rev.namespace.sidecar-injector.istio.io",
        Optional.of(LabelSelector.of(requirement(REV_LABEL, Operator.IN, rev),
            requirement(INJECTION_LABEL, Operator.DOES_NOT_EXIST))),
        Optional.of(LabelSelector.of(notDisabled))));
    hooks.add(new Hook("rev.object.sidecar-injector.istio.io",
        Optional.of(LabelSelector.of(requirement(REV_LABEL, Operator.DOES_NOT_EXIST),
            requirement(INJECTION_LABEL, Operator.DOES_NOT_EXIST))),
        Optional.of(LabelSelector.of(notDisabled, requirement(REV_LABEL, Operator.IN, rev)))));
    if (legacy) {
      hooks.add(new Hook("namespace.sidecar-injector.istio.io",
          Optional.of(LabelSelector.of(requirement(INJECTION_LABEL, Operator.IN, "enabled"))),
          Optional.of(LabelSelector.of(notDisabled))));
      hooks.add(new Hook("object.sidecar-injector.istio.io",
          Optional.of(LabelSelector.of(requirement(INJECTION_LABEL, Operator.DOES_NOT_EXIST),
              requirement(REV_LABEL, Operator.DOES_NOT_EXIST))),
          Optional.of(LabelSelector.of(requirement(INJECT_LABEL, Operator.IN, "true"),
              requirement(REV_LABEL, Operator.DOES_NOT_EXIST)))));
    }
    return hooks;
  }

  /** Every configuration in {@code webhooks}, analysed for one pod, sorted by configuration name. */
  public static List<Analysis> analyzeAll(List<InjectionWebhook> webhooks, Map<String, String> podLabels,
      Map<String, String> namespaceLabels) {
    return webhooks.stream().map(w -> w.analyze(podLabels, namespaceLabels))
        .sorted(Comparator.comparing(Analysis::webhook)).toList();
  }

  /** Whether the API server would call this configuration for a pod with these labels, and why. */
  public Analysis analyze(Map<String, String> podLabels, Map<String, String> namespaceLabels) {
    for (Hook hook : webhooks) {
      Match ns = Match.of(hook.namespaceSelector(), namespaceLabels);
      Match pod = Match.of(hook.objectSelector(), podLabels);
      if (ns.matched && pod.matched) {
        if (!ns.label.isEmpty() && !pod.label.isEmpty()) {
          return found("Namespace label " + ns.label + " matches, and pod label " + pod.label + " matches");
        } else if (!ns.label.isEmpty()) {
          return found("Namespace label " + ns.label + " matches");
        } else if (!pod.label.isEmpty()) {
          return found("Pod label " + pod.label + " matches");
        }
      } else if (ns.matched) {
        Optional<String> blocked = blockingPodLabel(hook.objectSelector(), podLabels);
        if (blocked.isPresent()) {
          return notFound("Pod has " + blocked.get() + " label, preventing injection");
        }
      } else if (pod.matched) {
        String value = namespaceLabels.get(INJECTION_LABEL);
        if (value != null && !value.equals("enabled")) {
          return notFound("Namespace has " + INJECTION_LABEL + "=" + value + " label, preventing injection");
        }
      }
    }
    List<String> nsLabels = new ArrayList<>();
    List<String> podLabelsWanted = new ArrayList<>();
    for (Hook hook : webhooks) {
      hook.namespaceSelector().ifPresent(s -> nsLabels.addAll(inLabels(s)));
      hook.objectSelector().ifPresent(s -> podLabelsWanted.addAll(inLabels(s)));
    }
    return notFound("No matching namespace labels (" + String.join(", ", nsLabels) + ") or pod labels ("
        + String.join(", ", podLabelsWanted) + ")");
  }

  private Analysis found(String reason) {
    return new Analysis(name, revision, true, reason);
  }

  private Analysis notFound(String reason) {
    return new Analysis(name, revision, false, reason);
  }

  private static Optional<String> blockingPodLabel(Optional<LabelSelector> selector, Map<String, String> labels) {
    for (Requirement r : selector.map(LabelSelector::matchExpressions).orElse(List.of())) {
      String value = labels.get(r.key());
      if (value == null) {
        continue;
      }
      if (r.operator() == Operator.DOES_NOT_EXIST
          || (r.operator() == Operator.NOT_IN && r.values().contains(value))) {
        return Optional.of(r.key() + "=" + value);
      }
    }
    return Optional.empty();
  }

  private static List<String> inLabels(LabelSelector selector) {
    List<String> out = new ArrayList<>();
    for (Requirement r : selector.matchExpressions()) {
      if (r.operator() == Operator.IN) {
        r.values().forEach(v -> out.add(r.key() + "=" + v));
      }
    }
    return out;
  }

  /** Whether a selector matched, and the first In/NotIn label of the object it matched on. */
  private record Match(boolean matched, String label) {
    static Match of(Optional<LabelSelector> selector, Map<String, String> labels) {
      if (selector.isEmpty()) {
        return new Match(true, "");
      }
      if (!selector.get().matches(labels)) {
        return new Match(false, "");
      }
      for (Requirement r : selector.get().matchExpressions()) {
        String value = labels.get(r.key());
        if ((r.operator() == Operator.IN || r.operator() == Operator.NOT_IN) && value != null) {
          return new Match(true, r.key() + "=" + value);
        }
      }
      return new Match(true, "");
    }
  }
}
