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

  /** A service port the proxy's workload serves: the service, and the endpoint that is this proxy. */
  public record ServiceInstance(MeshService service, Endpoint endpoint) {}

  private ProxyContext(MeshSnapshot snapshot, Proxy proxy, XdsOptions options) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.options = Objects.requireNonNull(options, "options");
    this.scope = SidecarScope.of(snapshot.policies().sidecar(proxy.namespace(), proxy.labels()), proxy.namespace(),
        snapshot.servicesVisibleTo(proxy.namespace()));
    this.instances = findInstances(snapshot, proxy);
  }

  /** The context of {@code proxy} in {@code snapshot}. */
  public static ProxyContext of(MeshSnapshot snapshot, Proxy proxy, XdsOptions options) {
    return new ProxyContext(snapshot, proxy, options);
  }

  private static List<ServiceInstance> findInstances(MeshSnapshot snapshot, Proxy proxy) {
    List<ServiceInstance> out = new ArrayList<>();
    for (MeshService s : snapshot.registry().services()) {
      for (Endpoint e : snapshot.registry().endpoints(s.hostname())) {
        if (e.serviceNamespace().equals(s.namespace()) && proxy.ipAddresses().contains(e.address())) {
          out.add(new ServiceInstance(s, e));
        }
      }
    }
    return List.copyOf(out);
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

  /** The proxy's labels. */
  public Map<String, String> labels() {
    return proxy.labels();
  }
}
