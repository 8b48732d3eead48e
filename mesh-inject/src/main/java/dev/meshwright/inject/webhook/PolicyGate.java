package dev.meshwright.inject.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.inject.InjectionDecision;
import dev.meshwright.inject.InjectionOptions;
import dev.meshwright.inject.InjectionPolicy;
import dev.meshwright.inject.PodView;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The injector's admission rule in front of the pod mutation: a pod {@link InjectionPolicy} skips (host network,
 * ignored namespace, opt-out label or annotation, never-inject selector, disabled policy) is admitted unchanged;
 * every other pod goes to the wrapped mutator, including one that already carries {@code sidecar.istio.io/status}
 * (a webhook reinvocation, or a pod injected by {@code kube-inject}): Istio injects it again, and the injector is
 * idempotent, so a second pass over an injected pod gives an empty patch. The namespace selection is the API
 * server's job (the webhook's selectors), so the decision is the one Istio's injector makes once called.
 * Immutable and thread-safe when the wrapped mutator is.
 */
public final class PolicyGate implements PodMutator {
  private static final System.Logger LOG = System.getLogger(PolicyGate.class.getName());

  private final InjectionOptions options;
  private final PodMutator injector;

  private PolicyGate(InjectionOptions options, PodMutator injector) {
    this.options = Objects.requireNonNull(options, "options");
    this.injector = Objects.requireNonNull(injector, "injector");
  }

  /** A gate applying {@code options}' policy, handing the pods to inject to {@code injector}. */
  public static PolicyGate of(InjectionOptions options, PodMutator injector) {
    return new PolicyGate(options, injector);
  }

  @Override
  public AdmissionOutcome mutate(PodRequest request) {
    PodView view = view(request);
    InjectionDecision decision = InjectionPolicy.decide(view, options);
    if (!decision.inject()) {
      LOG.log(Level.DEBUG, "skipping {0}: {1}", view.fullName(), decision.reason());
      return AdmissionOutcome.allow();
    }
    return injector.mutate(request);
  }

  /** What the policy reads from the request's pod. */
  static PodView view(PodRequest request) {
    JsonNode metadata = request.pod().path("metadata");
    return new PodView("Pod", request.podName(), metadata.path("namespace").asText(request.namespace()),
        strings(metadata.path("labels")), strings(metadata.path("annotations")),
        request.pod().path("spec").path("hostNetwork").asBoolean(false));
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }
}
