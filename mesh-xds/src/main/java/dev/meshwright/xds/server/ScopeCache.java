package dev.meshwright.xds.server;

import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ConfigDependencies} of the newest snapshot, one per namespace and applicable Sidecar (what istiod
 * precomputes per namespace in its push context), so a push to a thousand proxies builds each scope once.
 * Thread-safe; a lookup for another snapshot starts a fresh cache.
 */
final class ScopeCache {
  private record Entries(MeshSnapshot snapshot, Map<String, ConfigDependencies> byScope) {}

  private volatile Entries entries = new Entries(null, Map.of());

  ConfigDependencies of(MeshSnapshot snapshot, Proxy proxy) {
    Entries e = entries;
    if (e.snapshot != snapshot) {
      e = new Entries(snapshot, new ConcurrentHashMap<>());
      entries = e;
    }
    String sidecar = snapshot.policies().sidecar(proxy.namespace(), proxy.labels()).map(ConfigKey::of)
        .map(ConfigKey::toString).orElse("");
    return e.byScope.computeIfAbsent(proxy.namespace() + "\n" + sidecar,
        k -> ConfigDependencies.of(snapshot, proxy.namespace(), proxy.labels()));
  }
}
