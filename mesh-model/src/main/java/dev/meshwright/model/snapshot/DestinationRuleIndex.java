package dev.meshwright.model.snapshot;

import dev.meshwright.api.networking.DestinationRule;
import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.type.WorkloadSelector;
import dev.meshwright.model.registry.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * DestinationRules merged and indexed the way Istio's push context does, and looked up for a client proxy:
 * <ol>
 *   <li>rules of the proxy's own namespace (any exportTo that includes it); a proxy in the root namespace
 *       looks at the root namespace's private rules;</li>
 *   <li>rules exported from the service's namespace to the proxy's namespace;</li>
 *   <li>rules exported from the root namespace.</li>
 * </ol>
 * Within a scope the exact host wins over the longest covering wildcard. Rules are ordered with selector
 * rules first, then by creation time; rules for one host merge (see {@link MergedDestinationRule}), except
 * rules with different workload selectors, which stay apart. A rule with a workload selector is never
 * exported. Immutable and thread-safe.
 */
public final class DestinationRuleIndex {
  private final String rootNamespace;
  private final Map<String, Scope> namespaceLocal;
  private final Map<String, Scope> exportedByNamespace;
  private final Scope rootLocal;

  private DestinationRuleIndex(String rootNamespace, Map<String, Scope> local, Map<String, Scope> exported,
      Scope rootLocal) {
    this.rootNamespace = rootNamespace;
    this.namespaceLocal = Map.copyOf(local);
    this.exportedByNamespace = Map.copyOf(exported);
    this.rootLocal = rootLocal;
    local.values().forEach(Scope::seal);
    exported.values().forEach(Scope::seal);
    rootLocal.seal();
  }

  static DestinationRuleIndex build(Collection<DestinationRule> rules, Collection<String> meshDefaultExportTo,
      String rootNamespace, String domainSuffix) {
    List<DestinationRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing((DestinationRule r) -> r.spec().workloadSelector().isEmpty())
        .thenComparing(Ordering.BY_CREATION));
    boolean privateDefault = meshDefaultExportTo.contains(Visibility.PRIVATE);
    Map<String, Scope> local = new HashMap<>();
    Map<String, Scope> exported = new HashMap<>();
    Scope root = new Scope();
    for (DestinationRule r : sorted) {
      String ns = r.namespace();
      String host = Hosts.fqdn(r.spec().host().orElse(""), ns, domainSuffix);
      Set<String> exportTo = r.spec().workloadSelector().isEmpty()
          ? new LinkedHashSet<>(r.spec().exportTo()) : Set.of(Visibility.PRIVATE);
      if (exportTo.isEmpty() || exportTo.contains(Visibility.PUBLIC) || exportTo.contains(Visibility.PRIVATE)
          || exportTo.contains(ns)) {
        local.computeIfAbsent(ns, k -> new Scope()).merge(host, r, exportTo);
      }
      boolean privateOnly = (exportTo.isEmpty() && privateDefault)
          || (exportTo.size() == 1 && (exportTo.contains(Visibility.PRIVATE) || exportTo.contains(ns)));
      if (!privateOnly) {
        exported.computeIfAbsent(ns, k -> new Scope()).merge(host, r, exportTo);
      } else if (ns.equals(rootNamespace)) {
        root.merge(host, r, exportTo);
      }
    }
    return new DestinationRuleIndex(rootNamespace, local, exported, root);
  }

  /**
   * The merged rules a proxy in {@code proxyNamespace} applies to {@code hostname}, a service defined in
   * {@code serviceNamespace} (empty when unknown); more than one only when selector rules are involved.
   */
  public List<MergedDestinationRule> lookup(String proxyNamespace, String hostname, String serviceNamespace) {
    if (!proxyNamespace.equals(rootNamespace)) {
      Scope s = namespaceLocal.get(proxyNamespace);
      List<MergedDestinationRule> found = s == null ? null : s.find(hostname);
      if (found != null) {
        return found;
      }
    } else {
      List<MergedDestinationRule> found = rootLocal.find(hostname);
      if (found != null) {
        return found;
      }
    }
    if (!serviceNamespace.isEmpty()) {
      List<MergedDestinationRule> found = exported(serviceNamespace, hostname, proxyNamespace);
      if (found != null) {
        return found;
      }
    }
    List<MergedDestinationRule> found = exported(rootNamespace, hostname, proxyNamespace);
    return found == null ? List.of() : found;
  }

  private List<MergedDestinationRule> exported(String owner, String hostname, String client) {
    Scope s = exportedByNamespace.get(owner);
    if (s == null) {
      return null;
    }
    String key = Hosts.mostSpecific(hostname, s.rules);
    if (key == null) {
      return null;
    }
    Set<String> exportTo = s.exportTo.getOrDefault(key, Set.of());
    if (exportTo.isEmpty() || exportTo.contains(Visibility.PUBLIC) || exportTo.contains(client)) {
      return s.view(key);
    }
    return null;
  }

  /** Namespace → host → merged rules, for the YAML form. */
  Map<String, Object> describe() {
    Map<String, Object> out = new TreeMap<>();
    Map<String, Object> local = new TreeMap<>();
    namespaceLocal.forEach((ns, s) -> local.put(ns, s.describe()));
    out.put("namespaceLocal", local);
    Map<String, Object> exp = new TreeMap<>();
    exportedByNamespace.forEach((ns, s) -> exp.put(ns, s.describe()));
    out.put("exported", exp);
    if (!rootLocal.rules.isEmpty()) {
      out.put("rootNamespaceLocal", rootLocal.describe());
    }
    return out;
  }

  /** Merged rules of one namespace (or the root's private ones), by host. Mutable only while building. */
  private static final class Scope {
    private final Map<String, List<Mergeable>> rules = new HashMap<>();
    private final Map<String, Set<String>> exportTo = new HashMap<>();

    void merge(String host, DestinationRule r, Set<String> exportToSet) {
      List<Mergeable> list = rules.get(host);
      if (list == null) {
        list = new ArrayList<>();
        list.add(new Mergeable(r));
        rules.put(host, list);
        exportTo.put(host, exportToSet);
        return;
      }
      Optional<WorkloadSelector> selector = r.spec().workloadSelector();
      boolean addAsNew = true;
      for (Mergeable m : list) {
        Optional<WorkloadSelector> existing = m.selector;
        boolean bothWithout = selector.isEmpty() && existing.isEmpty();
        boolean bothWith = selector.isPresent() && existing.isPresent();
        boolean same = existing.map(WorkloadSelector::matchLabels).orElse(Map.of())
            .equals(selector.map(WorkloadSelector::matchLabels).orElse(Map.of()));
        if (bothWith && !same) {
          continue;
        }
        if (bothWithout || (selector.isPresent() && same)) {
          addAsNew = false;
        }
        m.absorb(r);
        if (exportTo.getOrDefault(host, Set.of()).isEmpty() && !exportToSet.isEmpty()) {
          exportTo.put(host, exportToSet);
        }
      }
      if (addAsNew) {
        list.add(new Mergeable(r));
      }
    }

    void seal() {
      rules.forEach((host, l) -> l.forEach(m -> m.result(host)));
    }

    List<MergedDestinationRule> find(String hostname) {
      String key = Hosts.mostSpecific(hostname, rules);
      return key == null ? null : view(key);
    }

    List<MergedDestinationRule> view(String key) {
      return rules.get(key).stream().map(m -> m.result(key)).toList();
    }

    Map<String, Object> describe() {
      Map<String, Object> out = new TreeMap<>();
      rules.forEach((host, l) -> out.put(host, l.stream().map(m -> m.describe(host)).toList()));
      return out;
    }
  }

  /** A rule being merged into. */
  private static final class Mergeable {
    private final Optional<WorkloadSelector> selector;
    private final List<String> from = new ArrayList<>();
    private final Set<String> subsetNames = new HashSet<>();
    private DestinationRuleSpec spec;
    private MergedDestinationRule cached;

    Mergeable(DestinationRule r) {
      this.spec = r.spec();
      this.selector = r.spec().workloadSelector();
      from.add(Ordering.ref(r));
      spec.subsets().forEach(s -> subsetNames.add(s.name().orElse("")));
    }

    void absorb(DestinationRule r) {
      from.add(Ordering.ref(r));
      DestinationRuleSpec.Builder b = DestinationRuleSpec.builder().from(spec);
      for (Subset s : r.spec().subsets()) {
        if (subsetNames.add(s.name().orElse(""))) {
          b.addSubsets(s);
        }
      }
      if (spec.trafficPolicy().isEmpty() && r.spec().trafficPolicy().isPresent()) {
        b.trafficPolicy(r.spec().trafficPolicy());
      }
      spec = b.build();
      cached = null;
    }

    Map<String, Object> describe(String host) {
      Map<String, Object> out = new TreeMap<>();
      out.put("from", List.copyOf(from));
      out.put("spec", dev.meshwright.api.json.MeshJackson.json().convertValue(result(host).spec(), Map.class));
      return out;
    }

    MergedDestinationRule result(String host) {
      if (cached == null) {
        cached = new MergedDestinationRule(host, spec, from);
      }
      return cached;
    }
  }
}
