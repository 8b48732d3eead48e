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
  private final Map<String, List<Selectable<PeerAuthentication>>> peer;
  private final Map<String, List<Selectable<RequestAuthentication>>> request;
  private final Map<String, List<Selectable<AuthorizationPolicy>>> authz;

  /** A policy with its reference and selector worked out once; a null selector never matches a workload. */
  private record Selectable<T>(T item, String ref, Map<String, String> selector) {}
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
    this.peer = selectable(peer, p -> p.spec().selector().map(sel -> sel.matchLabels()).orElse(Map.of()));
    this.request = selectable(request, r -> targeted(r.spec().targetRef(), r.spec().targetRefs())
        ? null : r.spec().selector().map(sel -> sel.matchLabels()).orElse(Map.of()));
    this.authz = selectable(authz, a -> targeted(a.spec().targetRef(), a.spec().targetRefs())
        ? null : a.spec().selector().map(sel -> sel.matchLabels()).orElse(Map.of()));
  }

  static PolicyIndex build(String rootNamespace, Collection<Sidecar> sidecars, Collection<PeerAuthentication> peer,
      Collection<RequestAuthentication> request, Collection<AuthorizationPolicy> authz) {
    return new PolicyIndex(rootNamespace, sidecars, peer, request, authz);
  }

  private static <T extends IstioResource<?>> Map<String, List<Selectable<T>>> selectable(Collection<T> in,
      Function<T, Map<String, String>> selector) {
    List<T> sorted = new ArrayList<>(in);
    sorted.sort(Ordering.BY_CREATION);
    List<Selectable<T>> out = new ArrayList<>(sorted.size());
    for (T t : sorted) {
      out.add(new Selectable<>(t, Ordering.ref(t), selector.apply(t)));
    }
    Map<String, List<Selectable<T>>> byNs = new HashMap<>();
    for (Selectable<T> t : out) {
      byNs.computeIfAbsent(t.item().namespace(), k -> new ArrayList<>()).add(t);
    }
    byNs.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(byNs);
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
    return select(peer, namespace, labels).stream().map(Selectable::item).toList();
  }

  /** RequestAuthentications that apply to a workload (those with a {@code targetRef} attach to gateways instead). */
  public List<RequestAuthentication> requestAuthentications(String namespace, Map<String, String> labels) {
    return select(request, namespace, labels).stream().map(Selectable::item).toList();
  }

  /** AuthorizationPolicies that apply to a workload (those with a {@code targetRef} attach to gateways instead). */
  public List<AuthorizationPolicy> authorizationPolicies(String namespace, Map<String, String> labels) {
    return select(authz, namespace, labels).stream().map(Selectable::item).toList();
  }

  private static boolean targeted(Optional<PolicyTargetReference> one, List<PolicyTargetReference> many) {
    return one.isPresent() || !many.isEmpty();
  }

  private <T> List<Selectable<T>> select(Map<String, List<Selectable<T>>> index, String namespace,
      Map<String, String> labels) {
    List<Selectable<T>> out = new ArrayList<>();
    collect(index.get(namespace), labels, out);
    if (!namespace.equals(rootNamespace)) {
      collect(index.get(rootNamespace), labels, out);
    }
    return out;
  }

  private static <T> void collect(List<Selectable<T>> candidates, Map<String, String> labels, List<Selectable<T>> out) {
    if (candidates == null) {
      return;
    }
    for (Selectable<T> t : candidates) {
      if (t.selector() != null && Labels.matches(t.selector(), labels)) {
        out.add(t);
      }
    }
  }

  private static List<String> refs(List<? extends Selectable<?>> selected) {
    if (selected.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(selected.size());
    selected.forEach(s -> out.add(s.ref()));
    return out;
  }

  /** The policies of one workload, by name. */
  WorkloadPolicies forWorkload(Workload w) {
    return new WorkloadPolicies(w.id(), w.namespace(), sidecar(w.namespace(), w.labels()).map(Ordering::ref),
        refs(select(peer, w.namespace(), w.labels())), refs(select(request, w.namespace(), w.labels())),
        refs(select(authz, w.namespace(), w.labels())));
  }
}
