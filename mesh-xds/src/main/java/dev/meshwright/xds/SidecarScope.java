package dev.meshwright.xds;

import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.model.registry.MeshService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which services a proxy imports, by its Sidecar's egress hosts ({@code namespace/dnsName}; {@code .} is the
 * Sidecar's namespace, {@code *} any namespace, {@code ~} nothing), as istiod's {@code SidecarScope}. With no
 * Sidecar every visible service is imported. When one hostname is imported from several namespaces the proxy's
 * own namespace wins. Immutable; built by {@link ProxyContext}.
 */
public final class SidecarScope {
  private final Optional<Sidecar> sidecar;
  private final List<MeshService> services;
  private final String namespace;

  private final Map<String, MeshService> byHostname;

  private SidecarScope(Optional<Sidecar> sidecar, List<MeshService> services, String namespace) {
    this.sidecar = sidecar;
    this.services = List.copyOf(services);
    this.namespace = namespace;
    Map<String, MeshService> byHost = new java.util.HashMap<>();
    this.services.forEach(s -> byHost.putIfAbsent(s.hostname(), s));
    this.byHostname = Map.copyOf(byHost);
  }

  /** The memo key of a scope: the Sidecar (by value) and the namespace it is built for. */
  private record Key(Optional<Sidecar> sidecar, String proxyNamespace) {}

  /** The memo key of the services visible to a namespace. */
  private record Visible(String namespace) {}

  /** The scope of a proxy in {@code proxyNamespace} under {@code sidecar}, built once per snapshot. */
  static SidecarScope of(dev.meshwright.model.snapshot.MeshSnapshot snapshot, SnapshotMemo memo,
      Optional<Sidecar> sidecar, String proxyNamespace) {
    return memo.get(new Key(sidecar, proxyNamespace), () -> of(sidecar, proxyNamespace,
        memo.get(new Visible(proxyNamespace), () -> snapshot.servicesVisibleTo(proxyNamespace))));
  }

  static SidecarScope of(Optional<Sidecar> sidecar, String proxyNamespace, List<MeshService> visible) {
    if (sidecar.isEmpty() || sidecar.get().spec().egress().isEmpty()) {
      return new SidecarScope(sidecar, preferOwnNamespace(visible, proxyNamespace), proxyNamespace);
    }
    // "." is the namespace the scope is built for: a root-namespace default Sidecar means the proxy's own
    // namespace there (istiod converts it per namespace, sidecar.go › convertToSidecarScope)
    String sidecarNs = proxyNamespace;
    List<MeshService> out = new ArrayList<>();
    for (MeshService s : visible) {
      if (imported(sidecar.get().spec().egress(), sidecarNs, s)) {
        out.add(s);
      }
    }
    return new SidecarScope(sidecar, preferOwnNamespace(out, proxyNamespace), proxyNamespace);
  }

  private static boolean imported(List<IstioEgressListener> egress, String sidecarNs, MeshService s) {
    for (IstioEgressListener l : egress) {
      for (String h : l.hosts()) {
        if (matches(h, sidecarNs, s)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether egress host {@code nsHost} ({@code ns/dnsName}) imports {@code s}. */
  static boolean matches(String nsHost, String sidecarNs, MeshService s) {
    int slash = nsHost.indexOf('/');
    String ns = slash < 0 ? "*" : nsHost.substring(0, slash);
    String host = slash < 0 ? nsHost : nsHost.substring(slash + 1);
    if (ns.equals("~")) {
      return false;
    }
    if (ns.equals(".")) {
      ns = sidecarNs;
    }
    if (!ns.equals("*") && !ns.equals(s.namespace())) {
      return false;
    }
    return hostMatches(host, s.hostname());
  }

  /** Istio host matching: {@code *} matches all, {@code *.x} any name ending in {@code .x}, else equality. */
  static boolean hostMatches(String pattern, String hostname) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*")) {
      return hostname.endsWith(pattern.substring(1));
    }
    return pattern.equalsIgnoreCase(hostname);
  }

  private static List<MeshService> preferOwnNamespace(List<MeshService> in, String proxyNs) {
    Map<String, MeshService> byHost = new LinkedHashMap<>();
    for (MeshService s : in) {
      MeshService prev = byHost.get(s.hostname());
      if (prev == null || (!prev.namespace().equals(proxyNs) && s.namespace().equals(proxyNs))) {
        byHost.put(s.hostname(), s);
      }
    }
    return List.copyOf(byHost.values());
  }

  /** The Sidecar that applies to the proxy, if any. */
  public Optional<Sidecar> sidecar() {
    return sidecar;
  }

  /** The imported services, sorted by hostname, one per hostname. */
  public List<MeshService> services() {
    return services;
  }

  /**
   * The imported services one of the Sidecar's egress listeners imports (its hosts), in {@link #services()} order;
   * with no Sidecar egress, every imported service.
   */
  public List<MeshService> services(IstioEgressListener egress) {
    if (sidecar.isEmpty() || sidecar.get().spec().egress().isEmpty()) {
      return services;
    }
    return services.stream().filter(s -> imported(List.of(egress), namespace, s)).toList();
  }

  /** The imported services by hostname (immutable; built once per scope, shared by every proxy of it). */
  public Map<String, MeshService> byHostname() {
    return byHostname;
  }

  /** The imported service with this hostname. */
  public Optional<MeshService> service(String hostname) {
    return Optional.ofNullable(byHostname.get(hostname));
  }
}
