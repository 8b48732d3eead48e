package dev.meshwright.model.snapshot;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.networking.WorkloadSelector;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.RequestAuthentication;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.model.registry.Labels;
import dev.meshwright.model.registry.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Sidecar and which PeerAuthentication, RequestAuthentication and AuthorizationPolicy resources apply
 * to a workload, by Istio's rules. Sidecars: those of the workload's namespace with a matching
 * {@code workloadSelector} come first (by creation time), then the namespace's selector-less one, then the
 * root namespace's selector-less one. Policies: those of the workload's namespace and of the root namespace
 * whose selector (empty = all) is a subset of the workload's labels. Immutable and thread-safe.
 */
public final class PolicyIndex {
  private final String rootNamespace;
  private final Map<String, List<Sidecar>> sidecars;
  private final Map<String, List<PeerAuthentication>> peer;
  private final Map<String, List<RequestAuthentication>> request;
  private final Map<String, List<AuthorizationPolicy>> authz;
  private final Optional<Sidecar> rootSidecar;

  private PolicyIndex(String rootNamespace, Collection<Sidecar> sidecars, Collection<PeerAuthentication> peer,
      Collection<RequestAuthentication> request, Collection<AuthorizationPolicy> authz) {
    this.rootNamespace = rootNamespace;
    List<Sidecar> sorted = new ArrayList<>(sidecars);
    sorted.sort(Comparator.comparing((Sidecar s) -> s.spec().workloadSelector().isEmpty())
        .thenComparing(Ordering.BY_CREATION));
    this.sidecars = byNamespace(sorted);
    this.rootSidecar = this.sidecars.getOrDefault(rootNamespace, List.of()).stream()
        .filter(s -> s.spec().workloadSelector().isEmpty()).findFirst();
    this.peer = byNamespace(sortedByCreation(peer));
    this.request = byNamespace(sortedByCreation(request));
    this.authz = byNamespace(sortedByCreation(authz));
  }

  static PolicyIndex build(String rootNamespace, Collection<Sidecar> sidecars, Collection<PeerAuthentication> peer,
      Collection<RequestAuthentication> request, Collection<AuthorizationPolicy> authz) {
    return new PolicyIndex(rootNamespace, sidecars, peer, request, authz);
  }

  private static <T extends IstioResource<?>> List<T> sortedByCreation(Collection<T> in) {
    List<T> out = new ArrayList<>(in);
    out.sort(Ordering.BY_CREATION);
    return out;
  }

  private static <T extends IstioResource<?>> Map<String, List<T>> byNamespace(List<T> in) {
    Map<String, List<T>> out = new HashMap<>();
    for (T t : in) {
      out.computeIfAbsent(t.namespace(), k -> new ArrayList<>()).add(t);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(out);
  }

  /** The Sidecar that scopes a workload in {@code namespace} with {@code labels}, if any. */
  public Optional<Sidecar> sidecar(String namespace, Map<String, String> labels) {
    for (Sidecar s : sidecars.getOrDefault(namespace, List.of())) {
      Optional<WorkloadSelector> sel = s.spec().workloadSelector();
      if (sel.isEmpty() || Labels.matches(sel.get().labels(), labels)) {
        return Optional.of(s);
      }
    }
    return rootSidecar;
  }

  /** PeerAuthentications that apply to a workload, its namespace's first, then the root namespace's. */
  public List<PeerAuthentication> peerAuthentications(String namespace, Map<String, String> labels) {
    return select(peer, namespace, labels,
        p -> Optional.of(p.spec().selector().map(s -> s.matchLabels()).orElse(Map.of())));
  }

  /** RequestAuthentications that apply to a workload (those with a {@code targetRef} attach to gateways instead). */
  public List<RequestAuthentication> requestAuthentications(String namespace, Map<String, String> labels) {
    return select(request, namespace, labels, r -> targeted(r.spec().targetRef(), r.spec().targetRefs())
        ? Optional.empty() : Optional.of(r.spec().selector().map(s -> s.matchLabels()).orElse(Map.of())));
  }

  /** AuthorizationPolicies that apply to a workload (those with a {@code targetRef} attach to gateways instead). */
  public List<AuthorizationPolicy> authorizationPolicies(String namespace, Map<String, String> labels) {
    return select(authz, namespace, labels, a -> targeted(a.spec().targetRef(), a.spec().targetRefs())
        ? Optional.empty() : Optional.of(a.spec().selector().map(s -> s.matchLabels()).orElse(Map.of())));
  }

  private static boolean targeted(Optional<PolicyTargetReference> one, List<PolicyTargetReference> many) {
    return one.isPresent() || !many.isEmpty();
  }

  private <T> List<T> select(Map<String, List<T>> index, String namespace, Map<String, String> labels,
      Function<T, Optional<Map<String, String>>> selector) {
    List<T> out = new ArrayList<>();
    List<String> namespaces = namespace.equals(rootNamespace) ? List.of(namespace) : List.of(namespace, rootNamespace);
    for (String ns : namespaces) {
      for (T t : index.getOrDefault(ns, List.of())) {
        Optional<Map<String, String>> sel = selector.apply(t);
        if (sel.isPresent() && Labels.matches(sel.get(), labels)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** The policies of one workload, by name. */
  WorkloadPolicies forWorkload(Workload w) {
    return new WorkloadPolicies(w.id(), w.namespace(), sidecar(w.namespace(), w.labels()).map(Ordering::ref),
        peerAuthentications(w.namespace(), w.labels()).stream().map(Ordering::ref).toList(),
        requestAuthentications(w.namespace(), w.labels()).stream().map(Ordering::ref).toList(),
        authorizationPolicies(w.namespace(), w.labels()).stream().map(Ordering::ref).toList());
  }
}
