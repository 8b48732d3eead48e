package dev.meshwright.model.snapshot;

import dev.meshwright.api.networking.EnvoyFilter;
import dev.meshwright.model.registry.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which EnvoyFilters apply to a workload, and in which order, by Istio 1.22's rules: those of the root namespace
 * and those of the workload's own namespace whose {@code workloadSelector} labels (none = every workload) are a
 * subset of the workload's labels. {@code targetRefs} are not read (istiod 1.22 does not either). The order is
 * {@code priority} (lower first), then root-namespace filters before the namespace's own, then creation time, then
 * {@code name.namespace}. Immutable and thread-safe.
 */
public final class EnvoyFilterIndex {
  private static final EnvoyFilterIndex EMPTY = new EnvoyFilterIndex("istio-system", List.of());

  private final String rootNamespace;
  private final Map<String, List<EnvoyFilter>> byNamespace;
  private final boolean empty;

  private EnvoyFilterIndex(String rootNamespace, Collection<EnvoyFilter> filters) {
    this.rootNamespace = rootNamespace;
    Map<String, List<EnvoyFilter>> out = new HashMap<>();
    for (EnvoyFilter f : filters) {
      out.computeIfAbsent(f.namespace(), k -> new ArrayList<>()).add(f);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    this.byNamespace = Map.copyOf(out);
    this.empty = filters.isEmpty();
  }

  static EnvoyFilterIndex build(String rootNamespace, Collection<EnvoyFilter> filters) {
    return new EnvoyFilterIndex(rootNamespace, filters);
  }

  /** An index with no EnvoyFilters. */
  public static EnvoyFilterIndex empty() {
    return EMPTY;
  }

  /** Whether there are no EnvoyFilters at all (so no proxy gets any). */
  public boolean isEmpty() {
    return empty;
  }

  /** Every EnvoyFilter of the index, in no particular order. */
  public List<EnvoyFilter> all() {
    List<EnvoyFilter> out = new ArrayList<>();
    byNamespace.values().forEach(out::addAll);
    return out;
  }

  /** The EnvoyFilters that apply to a workload in {@code namespace} with {@code labels}, in application order. */
  public List<EnvoyFilter> select(String namespace, Map<String, String> labels) {
    if (empty) {
      return List.of();
    }
    List<EnvoyFilter> out = new ArrayList<>();
    collect(byNamespace.get(rootNamespace), labels, out);
    if (!namespace.equals(rootNamespace)) {
      collect(byNamespace.get(namespace), labels, out);
    }
    if (out.size() > 1) {
      out.sort(order());
    }
    return out;
  }

  private static void collect(List<EnvoyFilter> candidates, Map<String, String> labels, List<EnvoyFilter> out) {
    if (candidates == null) {
      return;
    }
    for (EnvoyFilter f : candidates) {
      Map<String, String> selector = f.spec().workloadSelector().map(s -> s.labels()).orElse(Map.of());
      if (Labels.matches(selector, labels)) {
        out.add(f);
      }
    }
  }

  private Comparator<EnvoyFilter> order() {
    return Comparator.comparingInt((EnvoyFilter f) -> f.spec().priority().orElse(0))
        .thenComparing(f -> !f.namespace().equals(rootNamespace))
        .thenComparing(Ordering.BY_CREATION);
  }
}
