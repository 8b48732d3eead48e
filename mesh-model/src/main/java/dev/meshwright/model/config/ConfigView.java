package dev.meshwright.model.config;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.model.config.ConfigKey.KindId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, versioned picture of every resource in a {@link ConfigStore} at one moment. Lists are sorted
 * by key (namespace, then name), so everything built from a view is deterministic. Thread-safe; cheap to
 * hold on to (later changes copy only the kinds they touch).
 */
public final class ConfigView {
  private static final ConfigView EMPTY = new ConfigView(0, Map.of());

  private final long version;
  private final Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> byKind;

  ConfigView(long version, Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> byKind) {
    this.version = version;
    this.byKind = byKind;
  }

  /** A view with nothing in it, version 0. */
  public static ConfigView empty() {
    return EMPTY;
  }

  /** A view of exactly {@code resources} (namespaces defaulted as the store does), version 1; for tests and one-shot tools. */
  public static ConfigView of(List<? extends MeshResource> resources) {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("", resources);
    return store.view();
  }

  /** The store version this view shows; grows with every batch of changes. */
  public long version() {
    return version;
  }

  /** The resource with {@code key}, if present. */
  public Optional<MeshResource> get(ConfigKey key) {
    return entry(key).map(ConfigEntry::resource);
  }

  /** The entry (resource, source, version) with {@code key}, if present. */
  public Optional<ConfigEntry> entry(ConfigKey key) {
    NavigableMap<ConfigKey, ConfigEntry> m = byKind.get(key.kindId());
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(key));
  }

  /** The typed Istio resource of {@code kind} in {@code namespace} named {@code name}, if present. */
  public <R extends IstioResource<?>> Optional<R> get(ResourceKind<R, ?> kind, String namespace, String name) {
    return get(ConfigKey.of(kind, namespace, name)).map(r -> kind.resourceType().cast(r));
  }

  /** Every resource of an Istio kind, sorted by namespace and name. */
  public <R extends IstioResource<?>> List<R> list(ResourceKind<R, ?> kind) {
    NavigableMap<ConfigKey, ConfigEntry> m = byKind.get(KindId.of(kind));
    if (m == null) {
      return List.of();
    }
    List<R> out = new ArrayList<>(m.size());
    for (ConfigEntry e : m.values()) {
      out.add(kind.resourceType().cast(e.resource()));
    }
    return Collections.unmodifiableList(out);
  }

  /** Every resource of a kind that is not a typed Istio kind (Service, Pod, ...), sorted by namespace and name. */
  public List<GenericResource> generic(KindId kind) {
    NavigableMap<ConfigKey, ConfigEntry> m = byKind.get(kind);
    if (m == null) {
      return List.of();
    }
    List<GenericResource> out = new ArrayList<>(m.size());
    for (ConfigEntry e : m.values()) {
      if (e.resource() instanceof GenericResource g) {
        out.add(g);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Every entry of {@code kind}, sorted by key. */
  public List<ConfigEntry> entries(KindId kind) {
    NavigableMap<ConfigKey, ConfigEntry> m = byKind.get(kind);
    return m == null ? List.of() : List.copyOf(m.values());
  }

  /** Every kind that has at least one resource, sorted. */
  public List<KindId> kinds() {
    return byKind.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
  }

  /** Every resource, sorted by key. */
  public List<MeshResource> all() {
    List<MeshResource> out = new ArrayList<>();
    new TreeMap<>(byKind).values().forEach(m -> m.values().forEach(e -> out.add(e.resource())));
    return Collections.unmodifiableList(out);
  }

  /**
   * This view without {@code keys} (same version): how a consumer sets aside resources it rejected, e.g. ones
   * that fail validation. Copies only the kinds it touches.
   */
  public ConfigView without(java.util.Collection<ConfigKey> keys) {
    if (keys.isEmpty()) {
      return this;
    }
    Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> copy = new java.util.HashMap<>(byKind);
    Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> touched = new java.util.HashMap<>();
    for (ConfigKey k : keys) {
      NavigableMap<ConfigKey, ConfigEntry> m = byKind.get(k.kindId());
      if (m != null && m.containsKey(k)) {
        touched.computeIfAbsent(k.kindId(), id -> new TreeMap<>(m)).remove(k);
      }
    }
    touched.forEach((id, m) -> copy.put(id, Collections.unmodifiableNavigableMap(m)));
    return new ConfigView(version, Map.copyOf(copy));
  }

  /** How many resources the view holds. */
  public int size() {
    return byKind.values().stream().mapToInt(Map::size).sum();
  }

  Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> byKind() {
    return byKind;
  }

  @Override
  public String toString() {
    return "ConfigView{version=" + version + ", size=" + size() + "}";
  }
}
