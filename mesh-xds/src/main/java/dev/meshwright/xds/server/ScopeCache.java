package dev.meshwright.xds.server;

import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ConfigDependencies} of the newest snapshot, one per namespace and applicable Sidecar (what istiod
 * precomputes per namespace in its push context), so a push to a thousand proxies builds each scope once.
 * A scope depends on config and services only, so a change of endpoints alone carries the scopes over to the new
 * snapshot ({@link #advance}): the EDS fast path does not rebuild them. Thread-safe; a lookup for another snapshot
 * starts a fresh cache.
 */
final class ScopeCache {
  private record Entries(MeshSnapshot snapshot, Map<String, ConfigDependencies> byScope) {}

  private volatile Entries entries = new Entries(null, Map.of());

  /**
   * The pipeline moved from {@code from} to {@code to} through {@code changes}: when they are endpoints only (no
   * config, service or secret changed), the scopes of {@code from} are those of {@code to}.
   */
  void advance(MeshSnapshot from, MeshSnapshot to, SnapshotChanges changes) {
    Entries e = entries;
    if (e.snapshot == from && !changes.everything() && changes.configs().isEmpty()) {
      entries = new Entries(to, e.byScope);
    }
  }

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
