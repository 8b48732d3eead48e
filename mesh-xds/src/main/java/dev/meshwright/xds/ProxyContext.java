package dev.meshwright.xds;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MeshSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The narrow per-proxy view every generator reads: the snapshot, the proxy, its Sidecar scope (imported services)
 * and the services the proxy itself serves (its inbound side). Built once per generation; immutable.
 */
public final class ProxyContext {
  private final MeshSnapshot snapshot;
  private final Proxy proxy;
  private final XdsOptions options;
  private final SidecarScope scope;
  private final List<ServiceInstance> instances;
  private final SnapshotMemo memo;
  private final XdsCache.Caching caching;
  private volatile dev.meshwright.api.mesh.ProxyConfig proxyConfig;
  private final Memo local = new Memo();

  /** A service port the proxy's workload serves: the service, and the endpoint that is this proxy. */
  public record ServiceInstance(MeshService service, Endpoint endpoint) {}

  private ProxyContext(MeshSnapshot snapshot, Proxy proxy, XdsOptions options, XdsCache.Caching caching) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.options = Objects.requireNonNull(options, "options");
    this.memo = SnapshotMemo.of(snapshot);
    this.caching = Objects.requireNonNull(caching, "caching");
    this.scope = SidecarScope.of(snapshot, memo, snapshot.policies().sidecar(proxy.namespace(), proxy.labels()),
        proxy.namespace());
    this.instances = findInstances(snapshot, memo, proxy);
  }

  /** The context of {@code proxy} in {@code snapshot}, generated resources cached per snapshot. */
  public static ProxyContext of(MeshSnapshot snapshot, Proxy proxy, XdsOptions options) {
    return new ProxyContext(snapshot, proxy, options, XdsCache.Caching.SHARED);
  }

  /** The context of {@code proxy} in {@code snapshot}, with or without sharing generated resources. */
  public static ProxyContext of(MeshSnapshot snapshot, Proxy proxy, XdsOptions options, XdsCache.Caching caching) {
    return new ProxyContext(snapshot, proxy, options, caching);
  }

  /** Registry endpoints by address, each with its service, in registry order (services, then endpoints). */
  private record InstancesByAddress() {}

  private record Indexed(int order, ServiceInstance instance) {}

  private static List<ServiceInstance> findInstances(MeshSnapshot snapshot, SnapshotMemo memo, Proxy proxy) {
    Map<String, List<Indexed>> byAddress = memo.get(new InstancesByAddress(), () -> index(snapshot));
    List<String> ips = proxy.ipAddresses().stream().distinct().toList();
    if (ips.size() == 1) {
      return byAddress.getOrDefault(ips.get(0), List.of()).stream().map(Indexed::instance).toList();
    }
    return ips.stream().flatMap(ip -> byAddress.getOrDefault(ip, List.of()).stream())
        .sorted(java.util.Comparator.comparingInt(Indexed::order)).map(Indexed::instance).toList();
  }

  private static Map<String, List<Indexed>> index(MeshSnapshot snapshot) {
    Map<String, List<Indexed>> out = new java.util.HashMap<>();
    int order = 0;
    for (MeshService s : snapshot.registry().services()) {
      for (Endpoint e : snapshot.registry().endpoints(s.hostname())) {
        if (e.serviceNamespace().equals(s.namespace())) {
          out.computeIfAbsent(e.address(), a -> new ArrayList<>()).add(new Indexed(order++, new ServiceInstance(s, e)));
        }
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(out);
  }

  /**
   * The value under {@code key} for this context (one proxy, one generation), computed by {@code compute} on first
   * use: for derived values several generators read, such as a gateway's merged servers. Keys are records whose
   * class says what they stand for.
   */
  public <T> T local(Object key, java.util.function.Supplier<T> compute) {
    return local.get(key, compute);
  }

  /** The snapshot. */
  public MeshSnapshot snapshot() {
    return snapshot;
  }

  /** The proxy. */
  public Proxy proxy() {
    return proxy;
  }

  /** Cluster-wide options. */
  public XdsOptions options() {
    return options;
  }

  /** The proxy's effective ProxyConfig ({@link ProxyConfigs#effective}), read once per context. */
  public dev.meshwright.api.mesh.ProxyConfig proxyConfig() {
    dev.meshwright.api.mesh.ProxyConfig pc = proxyConfig;
    if (pc == null) {
      pc = ProxyConfigs.effective(proxy, meshConfig());
      proxyConfig = pc;
    }
    return pc;
  }

  /** The mesh config. */
  public MeshConfig meshConfig() {
    return snapshot.meshConfig();
  }

  /** The proxy's Sidecar scope: what it imports. */
  public SidecarScope scope() {
    return scope;
  }

  /** The services the proxy's workload is an endpoint of (matched by IP), in registry order. */
  public List<ServiceInstance> serviceInstances() {
    return instances;
  }

  /** What generators derive from the snapshot once for every proxy. */
  public SnapshotMemo memo() {
    return memo;
  }

  /** The cache of generated resources shared by proxies with the same inputs; a no-op one when caching is off. */
  public XdsCache cache() {
    return caching == XdsCache.Caching.SHARED ? memo.cache() : XdsCache.NONE;
  }

  /** The proxy's labels. */
  public Map<String, String> labels() {
    return proxy.labels();
  }
}
