package dev.meshwright.xds.server;

import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyType;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a change needs a push to one proxy, and which: istiod 1.22's {@code DefaultProxyNeedsPush}
 * ({@code ConfigAffectsProxy} plus the proxy's own services) over a {@link SnapshotChanges}. The proxy's scope
 * before and after the change both count, so a Sidecar or DestinationRule that stops applying still pushes.
 *
 * <ul>
 *   <li>A change that lists nothing (a new mesh config) pushes to every proxy; waypoints and ztunnels get every
 *       change (istiod has no scoping for them either).</li>
 *   <li>Sidecars ignore Gateways; routers ignore Sidecars.</li>
 *   <li>Sidecars: {@link ConfigDependencies#dependsOn}: imported services, the DestinationRules and mesh
 *       VirtualServices of the scope and its Sidecar; AuthorizationPolicy, RequestAuthentication, EnvoyFilter and
 *       WasmPlugin in the root namespace or the proxy's own; anything else (PeerAuthentication, Secrets, ...)
 *       always.</li>
 *   <li>Routers: a service only when the gateway's scope imports its hostname; anything else always.</li>
 *   <li>A change to a service the proxy itself is an endpoint of (matched by IP) always pushes.</li>
 *   <li>Endpoint-only changes give an EDS-only push of the changed services the scope imports, unless an
 *       endpoint with the proxy's own IP changed (its inbound side), which is a full push.</li>
 * </ul>
 * Pure and thread-safe.
 */
final class PushPolicy {
  /** What one proxy needs: nothing, the ClusterLoadAssignments of some hostnames, or a full regeneration. */
  record Decision(Kind kind, Set<String> hostnames) {
    static final Decision SKIP = new Decision(Kind.SKIP, Set.of());
    static final Decision FULL = new Decision(Kind.FULL, Set.of());
  }

  /** The kinds of push. */
  enum Kind { SKIP, ENDPOINTS, FULL }

  private PushPolicy() {}

  static Decision decide(Proxy proxy, SnapshotChanges changes, MeshSnapshot before, ConfigDependencies was,
      MeshSnapshot after, ConfigDependencies is) {
    if (changes.isEmpty()) {
      return Decision.SKIP;
    }
    if (changes.everything() || proxy.type() == ProxyType.WAYPOINT || proxy.type() == ProxyType.ZTUNNEL) {
      return Decision.FULL;
    }
    for (ConfigKey config : changes.configs()) {
      if (affects(proxy, config, before, was, after, is)) {
        return Decision.FULL;
      }
    }
    Set<String> hosts = new TreeSet<>();
    for (Map.Entry<ConfigKey, Set<String>> e : changes.endpoints().entrySet()) {
      if (proxy.ipAddresses().stream().anyMatch(e.getValue()::contains)) {
        return Decision.FULL;
      }
      if (imports(proxy, e.getKey(), before, was, after, is)) {
        hosts.add(e.getKey().name());
      }
    }
    return hosts.isEmpty() ? Decision.SKIP : new Decision(Kind.ENDPOINTS, hosts);
  }

  private static boolean affects(Proxy proxy, ConfigKey config, MeshSnapshot before, ConfigDependencies was,
      MeshSnapshot after, ConfigDependencies is) {
    boolean service = config.kind().equals(SnapshotChanges.SERVICE_KIND);
    if (service && (servesFrom(proxy, config, before) || servesFrom(proxy, config, after))) {
      return true;
    }
    return switch (proxy.type()) {
      case SIDECAR -> !config.kind().equals("Gateway")
          && (is.dependsOn(config, after.rootNamespace()) || was.dependsOn(config, before.rootNamespace()));
      case ROUTER -> !config.kind().equals("Sidecar") && (!service || is.imports(config.name())
          || was.imports(config.name()));
      default -> true;
    };
  }

  private static boolean imports(Proxy proxy, ConfigKey service, MeshSnapshot before, ConfigDependencies was,
      MeshSnapshot after, ConfigDependencies is) {
    if (proxy.type() == ProxyType.ROUTER) {
      return is.imports(service.name()) || was.imports(service.name());
    }
    return is.dependsOn(service, after.rootNamespace()) || was.dependsOn(service, before.rootNamespace());
  }

  /** Whether the proxy is an endpoint of {@code service} (istiod's service targets) in {@code snapshot}. */
  private static boolean servesFrom(Proxy proxy, ConfigKey service, MeshSnapshot snapshot) {
    for (Endpoint e : snapshot.registry().endpoints(service.name())) {
      if (e.serviceNamespace().equals(service.namespace()) && proxy.ipAddresses().contains(e.address())) {
        return true;
      }
    }
    return false;
  }
}
