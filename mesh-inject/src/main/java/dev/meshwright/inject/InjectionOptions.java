package dev.meshwright.inject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The injector's configuration as far as the policy needs it: what Istio reads from the {@code config} key of
 * the {@code istio-sidecar-injector} ConfigMap and from the {@code sidecarInjectorWebhook} values. Immutable;
 * change it with the {@code with...} methods.
 *
 * @param policy the default policy ({@code policy:} in the config, {@code global.proxy.autoInject} in values)
 * @param neverInjectSelector pods whose labels match any of these are not injected unless they ask to be
 * @param alwaysInjectSelector pods whose labels match any of these are injected unless they refuse
 * @param revision the control plane revision this injector serves; empty for the default revision
 * @param defaultTemplates templates used when a pod names none ({@code [sidecar]} by default)
 * @param injectedAnnotations annotations the injector adds to every injected pod
 * @param ignoredNamespaces namespaces whose pods are never injected
 */
public record InjectionOptions(
    Policy policy,
    List<LabelSelector> neverInjectSelector,
    List<LabelSelector> alwaysInjectSelector,
    String revision,
    List<String> defaultTemplates,
    Map<String, String> injectedAnnotations,
    Set<String> ignoredNamespaces) {

  /** The namespaces Istio 1.22's injector always leaves alone. */
  public static final Set<String> IGNORED_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");

  /** Istio's default policy setting. */
  public enum Policy {
    /** Inject unless the pod or a never-inject selector says otherwise. */
    ENABLED,
    /** Inject only when the pod or an always-inject selector asks for it. */
    DISABLED,
    /** A value Istio does not know: it logs an error and injects nothing. */
    INVALID;

    /** {@code enabled}, {@code disabled}, anything else is {@link #INVALID}. */
    public static Policy parse(String text) {
      return switch (text) {
        case "enabled" -> ENABLED;
        case "disabled" -> DISABLED;
        default -> INVALID;
      };
    }
  }

  public InjectionOptions {
    Objects.requireNonNull(policy, "policy");
    neverInjectSelector = List.copyOf(neverInjectSelector);
    alwaysInjectSelector = List.copyOf(alwaysInjectSelector);
    revision = Objects.requireNonNullElse(revision, "");
    defaultTemplates = List.copyOf(defaultTemplates);
    injectedAnnotations = Map.copyOf(injectedAnnotations);
    ignoredNamespaces = Set.copyOf(ignoredNamespaces);
  }

  /** What the istiod chart renders by default: policy enabled, template {@code sidecar}, no selectors. */
  public static InjectionOptions defaults() {
    return new InjectionOptions(Policy.ENABLED, List.of(), List.of(), "", List.of("sidecar"), Map.of(),
        IGNORED_NAMESPACES);
  }

  /** The revision name as webhooks and labels spell it: {@code default} when empty. */
  public String revisionOrDefault() {
    return revision.isEmpty() ? "default" : revision;
  }

  /** A copy with another policy. */
  public InjectionOptions withPolicy(Policy value) {
    return new InjectionOptions(value, neverInjectSelector, alwaysInjectSelector, revision, defaultTemplates,
        injectedAnnotations, ignoredNamespaces);
  }

  /** A copy with other never-inject selectors. */
  public InjectionOptions withNeverInjectSelector(List<LabelSelector> value) {
    return new InjectionOptions(policy, value, alwaysInjectSelector, revision, defaultTemplates,
        injectedAnnotations, ignoredNamespaces);
  }

  /** A copy with other always-inject selectors. */
  public InjectionOptions withAlwaysInjectSelector(List<LabelSelector> value) {
    return new InjectionOptions(policy, neverInjectSelector, value, revision, defaultTemplates,
        injectedAnnotations, ignoredNamespaces);
  }

  /** A copy serving another revision. */
  public InjectionOptions withRevision(String value) {
    return new InjectionOptions(policy, neverInjectSelector, alwaysInjectSelector, value, defaultTemplates,
        injectedAnnotations, ignoredNamespaces);
  }

  /** A copy with other default templates. */
  public InjectionOptions withDefaultTemplates(List<String> value) {
    return new InjectionOptions(policy, neverInjectSelector, alwaysInjectSelector, revision, value,
        injectedAnnotations, ignoredNamespaces);
  }

  /** A copy with other injected annotations. */
  public InjectionOptions withInjectedAnnotations(Map<String, String> value) {
    return new InjectionOptions(policy, neverInjectSelector, alwaysInjectSelector, revision, defaultTemplates,
        value, ignoredNamespaces);
  }
}
