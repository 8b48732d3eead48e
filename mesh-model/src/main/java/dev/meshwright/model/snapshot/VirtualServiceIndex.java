package dev.meshwright.model.snapshot;

import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.model.registry.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * VirtualServices indexed by the gateway they bind to ({@code mesh} or {@code ns/name}) and by who may see
 * them, the way Istio's push context does: hosts and gateway names resolved to full names, ordered by
 * creation time; exported publicly ({@code *}), to their own namespace ({@code .}), to listed namespaces, or
 * to no one ({@code ~}); an empty {@code exportTo} takes the mesh default. A VirtualService without hosts is a
 * delegate and binds to no gateway. Immutable and thread-safe.
 */
public final class VirtualServiceIndex {
  private final List<VirtualService> all;
  private final Map<String, List<VirtualService>> publicByGateway;
  private final Map<String, List<VirtualService>> privateByNamespaceAndGateway;
  private final Map<String, List<VirtualService>> exportedByNamespaceAndGateway;
  private final List<VirtualService> delegates;
  /** Original (as stored) → resolved, by identity, so the next build resolves only what changed. */
  private final Map<VirtualService, VirtualService> resolvedByOriginal;

  private VirtualServiceIndex(List<VirtualService> all, Map<String, List<VirtualService>> pub,
      Map<String, List<VirtualService>> priv, Map<String, List<VirtualService>> exported,
      List<VirtualService> delegates, Map<VirtualService, VirtualService> resolvedByOriginal) {
    this.resolvedByOriginal = resolvedByOriginal;
    this.all = List.copyOf(all);
    this.publicByGateway = freeze(pub);
    this.privateByNamespaceAndGateway = freeze(priv);
    this.exportedByNamespaceAndGateway = freeze(exported);
    this.delegates = List.copyOf(delegates);
  }

  private static Map<String, List<VirtualService>> freeze(Map<String, List<VirtualService>> m) {
    Map<String, List<VirtualService>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  /**
   * Indexes {@code virtualServices} (already validated).
   *
   * @param meshDefaultExportTo the mesh's {@code defaultVirtualServiceExportTo}
   * @param domainSuffix the suffix short host names are completed with
   */
  static VirtualServiceIndex build(Collection<VirtualService> virtualServices, Collection<String> meshDefaultExportTo,
      String domainSuffix, VirtualServiceIndex previous) {
    List<VirtualService> resolved = new ArrayList<>(virtualServices.size());
    Map<VirtualService, VirtualService> cache = new java.util.IdentityHashMap<>(virtualServices.size() * 2);
    Map<VirtualService, VirtualService> old = previous == null ? Map.of() : previous.resolvedByOriginal;
    for (VirtualService vs : virtualServices) {
      VirtualService r = old.get(vs);
      if (r == null) {
        r = resolve(vs, domainSuffix);
      }
      cache.put(vs, r);
      resolved.add(r);
    }
    resolved.sort(Ordering.BY_CREATION);
    Map<String, List<VirtualService>> pub = new HashMap<>();
    Map<String, List<VirtualService>> priv = new HashMap<>();
    Map<String, List<VirtualService>> exported = new HashMap<>();
    List<VirtualService> delegates = new ArrayList<>();
    Set<String> defaults = Visibility.orDefault(List.of(), meshDefaultExportTo);
    for (VirtualService vs : resolved) {
      VirtualServiceSpec spec = vs.spec();
      if (spec.hosts().isEmpty()) {
        delegates.add(vs);
        continue;
      }
      List<String> gateways = spec.gateways().isEmpty() ? List.of(Hosts.MESH_GATEWAY) : spec.gateways();
      String ns = vs.namespace();
      Set<String> exportTo = spec.exportTo().isEmpty() ? defaults : new LinkedHashSet<>(spec.exportTo());
      if (exportTo.contains(Visibility.PUBLIC)) {
        gateways.forEach(gw -> pub.computeIfAbsent(gw, k -> new ArrayList<>()).add(vs));
      } else if (!exportTo.contains(Visibility.NONE)) {
        for (String e : exportTo) {
          boolean own = e.equals(Visibility.PRIVATE) || e.equals(ns);
          Map<String, List<VirtualService>> target = own ? priv : exported;
          String targetNs = own ? ns : e;
          gateways.forEach(gw -> target.computeIfAbsent(targetNs + "|" + gw, k -> new ArrayList<>()).add(vs));
        }
      }
    }
    return new VirtualServiceIndex(resolved, pub, priv, exported, delegates, cache);
  }

  /** {@code vs} with hosts as FQDNs and gateways as {@code ns/name} (or {@code mesh}). */
  static VirtualService resolve(VirtualService vs, String domainSuffix) {
    VirtualServiceSpec spec = vs.spec();
    List<String> hosts = spec.hosts().stream().map(h -> Hosts.fqdn(h, vs.namespace(), domainSuffix)).toList();
    List<String> gateways = spec.gateways().stream().map(g -> Hosts.gateway(g, vs)).distinct().toList();
    if (hosts.equals(spec.hosts()) && gateways.equals(spec.gateways())) {
      return vs;
    }
    return VirtualService.builder().from(vs)
        .spec(VirtualServiceSpec.builder().from(spec).hosts(hosts).gateways(gateways).build()).build();
  }

  /**
   * The VirtualServices a proxy in {@code proxyNamespace} gets for {@code gateway} ({@code mesh} for
   * sidecars): private ones of its namespace, those exported to it, then public ones, each in creation order.
   */
  public List<VirtualService> forGateway(String gateway, String proxyNamespace) {
    String key = proxyNamespace + "|" + gateway;
    List<VirtualService> out = new ArrayList<>();
    out.addAll(privateByNamespaceAndGateway.getOrDefault(key, List.of()));
    out.addAll(exportedByNamespaceAndGateway.getOrDefault(key, List.of()));
    out.addAll(publicByGateway.getOrDefault(gateway, List.of()));
    return out;
  }

  /**
   * The VirtualService that routes {@code host} for a proxy in {@code proxyNamespace} on {@code gateway}: the
   * first (in {@link #forGateway} order) with that exact host, else the first with a wildcard covering it.
   */
  public java.util.Optional<VirtualService> forHost(String gateway, String proxyNamespace, String host) {
    List<VirtualService> candidates = forGateway(gateway, proxyNamespace);
    for (VirtualService vs : candidates) {
      if (vs.spec().hosts().contains(host)) {
        return java.util.Optional.of(vs);
      }
    }
    for (VirtualService vs : candidates) {
      for (String h : vs.spec().hosts()) {
        if (Hosts.matches(h, host)) {
          return java.util.Optional.of(vs);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Every indexed VirtualService (resolved), in creation order. */
  public List<VirtualService> all() {
    return all;
  }

  /** VirtualServices without hosts (delegates), in creation order. */
  public List<VirtualService> delegates() {
    return delegates;
  }

  /** Every gateway some VirtualService binds to, sorted. */
  public List<String> gateways() {
    Set<String> out = new java.util.TreeSet<>(publicByGateway.keySet());
    privateByNamespaceAndGateway.keySet().forEach(k -> out.add(k.substring(k.indexOf('|') + 1)));
    exportedByNamespaceAndGateway.keySet().forEach(k -> out.add(k.substring(k.indexOf('|') + 1)));
    return List.copyOf(out);
  }

  /** Gateway → visibility → VirtualService names, for the YAML form. */
  Map<String, Object> describe() {
    Map<String, Object> out = new TreeMap<>();
    Map<String, Map<String, List<String>>> byGw = new TreeMap<>();
    publicByGateway.forEach((gw, l) -> byGw.computeIfAbsent(gw, k -> new TreeMap<>())
        .put("*", l.stream().map(Ordering::ref).toList()));
    privateByNamespaceAndGateway.forEach((k, l) -> byGw.computeIfAbsent(k.substring(k.indexOf('|') + 1), x -> new TreeMap<>())
        .put(k.substring(0, k.indexOf('|')) + " (private)", l.stream().map(Ordering::ref).toList()));
    exportedByNamespaceAndGateway.forEach((k, l) -> byGw.computeIfAbsent(k.substring(k.indexOf('|') + 1), x -> new TreeMap<>())
        .put(k.substring(0, k.indexOf('|')), l.stream().map(Ordering::ref).toList()));
    out.put("byGateway", byGw);
    Map<String, List<String>> hosts = new TreeMap<>();
    for (VirtualService vs : all) {
      for (String h : vs.spec().hosts()) {
        hosts.computeIfAbsent(h, k -> new ArrayList<>()).add(Ordering.ref(vs));
      }
    }
    out.put("byHost", hosts);
    if (!delegates.isEmpty()) {
      out.put("delegates", delegates.stream().map(Ordering::ref).toList());
    }
    return out;
  }
}
