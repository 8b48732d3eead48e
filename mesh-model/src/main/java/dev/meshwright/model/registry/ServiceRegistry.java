package dev.meshwright.model.registry;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.networking.WorkloadEntry;
import dev.meshwright.model.config.ConfigView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every mesh service, endpoint and workload one {@link ConfigView} describes: Kubernetes Services with their
 * EndpointSlices (or, for a Service without any, its v1 Endpoints) and Pods, ServiceEntries with their inline or selected WorkloadEntries and Pods, and Kubernetes
 * Services selecting WorkloadEntries. Built in one pass by {@link #build}; immutable and thread-safe afterwards.
 *
 * <p>Dangling references (a slice without its Service, an endpoint whose Pod is gone, a selector matching
 * nothing) never throw: they give fewer endpoints. Unusable parts of a resource become {@link #diagnostics()}.
 * Lists are sorted (services by hostname then namespace, endpoints by address) so output is deterministic.
 */
public final class ServiceRegistry {
  private static final Comparator<MeshService> SERVICE_ORDER = Comparator.comparing(MeshService::hostname)
      .thenComparing(MeshService::namespace).thenComparing(MeshService::origin);

  private final long version;
  private final List<MeshService> services;
  private final Map<String, List<MeshService>> byHost;
  private final Map<String, List<Endpoint>> endpoints;
  private final List<Workload> workloads;
  private final List<Diagnostic> diagnostics;
  /** This build's conversions, for the next build from a view that shares objects with this one. */
  private final ConversionMemo memo;

  private ServiceRegistry(long version, Accumulator acc, ServiceRegistry previous, ConversionMemo memo) {
    this.version = version;
    this.memo = memo;
    memo.rawEndpoints = acc.endpoints;
    memo.rawWorkloads = acc.workloads;
    ConversionMemo before = previous == null ? ConversionMemo.EMPTY : previous.memo;
    List<MeshService> sorted = new ArrayList<>(acc.services);
    sorted.sort(SERVICE_ORDER);
    if (previous != null) {
      sorted.replaceAll(s -> previous.same(s));
    }
    this.services = List.copyOf(sorted);
    Map<String, List<MeshService>> hosts = new HashMap<>();
    for (MeshService s : services) {
      hosts.computeIfAbsent(s.hostname(), h -> new ArrayList<>()).add(s);
    }
    hosts.replaceAll((h, l) -> List.copyOf(l));
    this.byHost = Map.copyOf(hosts);
    Map<String, List<Endpoint>> eps = new HashMap<>();
    acc.endpoints.forEach((h, l) -> {
      List<Endpoint> kept = previous == null ? null : previous.endpoints.get(h);
      if (kept != null && Identity.sameElements(l, before.rawEndpoints.get(h))) {
        eps.put(h, kept); // the same endpoints accumulated in the same order: the same sorted list
        return;
      }
      List<Endpoint> copy = new ArrayList<>(l);
      copy.sort(Comparator.comparing(Endpoint::address).thenComparing(Endpoint::serviceNamespace));
      List<Endpoint> list = List.copyOf(copy);
      eps.put(h, list.equals(kept) ? kept : list);
    });
    this.endpoints = Map.copyOf(eps);
    if (previous != null && Identity.sameElements(acc.workloads, before.rawWorkloads)) {
      this.workloads = previous.workloads;
    } else {
      List<Workload> w = new ArrayList<>(acc.workloads);
      w.sort(Comparator.comparing(Workload::namespace).thenComparing(Workload::kind).thenComparing(Workload::name));
      this.workloads = List.copyOf(w);
    }
    this.diagnostics = List.copyOf(acc.diagnostics);
  }

  /** Builds the registry of {@code view}; never throws for bad input. */
  public static ServiceRegistry build(ConfigView view, RegistryOptions options) {
    return build(view, options, null);
  }

  /**
   * Builds the registry of {@code view}, sharing with {@code previous} (when non-null) every service and every
   * hostname's endpoint list that did not change: a snapshot diff then tells them apart by identity instead of
   * comparing a thousand services field by field on the push path. Never throws for bad input.
   */
  public static ServiceRegistry build(ConfigView view, RegistryOptions options, ServiceRegistry previous) {
    Accumulator acc = new Accumulator();
    ServiceEntries entries = new ServiceEntries(view, options, acc);
    Map<String, List<WorkloadEntry>> entriesByNs = entries.workloadEntries();
    ConversionMemo memo = new ConversionMemo(options);
    KubeServices kube = new KubeServices(view, options, acc,
        previous == null ? ConversionMemo.EMPTY : previous.memo.validFor(options), memo);
    kube.convert(entriesByNs);
    Map<String, List<GenericResource>> podsByNs = new TreeMap<>();
    for (GenericResource p : view.generic(KubeServices.POD)) {
      podsByNs.computeIfAbsent(p.namespace(), n -> new ArrayList<>()).add(p);
    }
    entries.convert(entriesByNs, podsByNs);
    return new ServiceRegistry(view.version(), acc, previous, memo);
  }

  /**
   * Whether resources of {@code kind} feed the registry (Services, EndpointSlices, Endpoints, Pods, Nodes, ServiceEntries,
   * WorkloadEntries): a change to any other kind leaves the registry as it was.
   */
  public static boolean isInput(dev.meshwright.model.config.ConfigKey.KindId kind) {
    return kind.equals(KubeServices.SERVICE) || kind.equals(KubeServices.POD) || kind.equals(KubeServices.NODE)
        || kind.equals(KubeServices.ENDPOINT_SLICE) || kind.equals(KubeServices.ENDPOINTS)
        || (kind.group().equals("networking.istio.io") && (kind.kind().equals("ServiceEntry")
            || kind.kind().equals("WorkloadEntry")));
  }

  /** This registry's instance of {@code s} when it holds an equal service, else {@code s}. */
  private MeshService same(MeshService s) {
    for (MeshService mine : services(s.hostname())) {
      if (mine == s || mine.equals(s)) {
        return mine;
      }
    }
    return s;
  }

  /** The version of the view this registry was built from. */
  public long version() {
    return version;
  }

  /** Every service, sorted by hostname, then namespace. */
  public List<MeshService> services() {
    return services;
  }

  /** The services with {@code hostname} (more than one when several namespaces define it). */
  public List<MeshService> services(String hostname) {
    return byHost.getOrDefault(hostname, List.of());
  }

  /** The service with {@code hostname} defined in {@code namespace}, if any. */
  public Optional<MeshService> service(String hostname, String namespace) {
    return services(hostname).stream().filter(s -> s.namespace().equals(namespace)).findFirst();
  }

  /** The endpoints of every service with {@code hostname}, sorted by address. */
  public List<Endpoint> endpoints(String hostname) {
    return endpoints.getOrDefault(hostname, List.of());
  }

  /** How many endpoints the registry holds in all. */
  public int endpointCount() {
    return endpoints.values().stream().mapToInt(List::size).sum();
  }

  /** Every Pod and WorkloadEntry, sorted by namespace, kind and name. */
  public List<Workload> workloads() {
    return workloads;
  }

  /** Problems met while building (ports without numbers, ...). */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
