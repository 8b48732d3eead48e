package dev.meshwright.model.config;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.model.config.ConfigKey.KindId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds every mesh resource a control plane knows, typed and namespaced, and hands out immutable
 * {@link ConfigView}s.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every batch of changes ({@link #put}, {@link #putAll}, {@link #delete}, {@link #replaceSource}) is
 *       atomic: readers see either all of it or none. A batch that changes something raises the version by
 *       one and tells every {@link ConfigListener}; a batch that changes nothing (the same resources again)
 *       keeps the version and tells no one.</li>
 *   <li>A namespaced resource without a namespace is stored in the default namespace ({@code default}
 *       unless the builder says otherwise); cluster-scoped kinds (Namespace, Node, ...) keep none.</li>
 *   <li>Revisions follow Istio: an Istio or Gateway API resource labelled {@code istio.io/rev} is kept only
 *       when the store's revision is unset or equal; unlabelled resources always are. A resource relabelled
 *       out of the revision is deleted.</li>
 *   <li>Each entry remembers its source, so a source (a file) can be replaced as a whole.</li>
 * </ul>
 *
 * <p>Thread-safe: writers are serialized; {@link #view()} never blocks. Listeners run on the writing thread
 * while writes are serialized, so they see batches in version order; one listener's exception does not reach
 * the writer or the other listeners.
 */
public final class ConfigStore {
  /** The label that binds a config resource to one control-plane revision. */
  public static final String REVISION_LABEL = "istio.io/rev";

  private static final Set<String> CLUSTER_SCOPED = Set.of(
      "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
      "CustomResourceDefinition", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
      "GatewayClass", "PriorityClass", "APIService", "IngressClass");

  private final String revision;
  private final String defaultNamespace;
  private final List<ConfigListener> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private volatile ConfigView view = ConfigView.empty();

  private ConfigStore(Builder b) {
    this.revision = b.revision;
    this.defaultNamespace = b.defaultNamespace;
  }

  /** Starts a store: every revision, default namespace {@code default}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The current view; never null, never blocks. */
  public ConfigView view() {
    return view;
  }

  /** The current version (0 before the first change). */
  public long version() {
    return view.version();
  }

  /** The revision this store keeps, or empty for all. */
  public String revision() {
    return revision;
  }

  /** Registers a listener for every later batch. */
  public void addListener(ConfigListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener added before. */
  public void removeListener(ConfigListener listener) {
    listeners.remove(listener);
  }

  /** Adds or updates one resource from {@code source}; returns what changed (nothing when equal). */
  public List<ConfigEvent> put(String source, MeshResource resource) {
    return putAll(source, List.of(resource));
  }

  /** Adds or updates every resource from {@code source} in one batch. */
  public List<ConfigEvent> putAll(String source, Collection<? extends MeshResource> resources) {
    synchronized (lock) {
      Batch batch = new Batch();
      for (MeshResource r : resources) {
        batch.upsert(source, r);
      }
      return batch.commit();
    }
  }

  /** Deletes one resource; returns what changed (nothing when absent). */
  public List<ConfigEvent> delete(ConfigKey key) {
    synchronized (lock) {
      Batch batch = new Batch();
      batch.remove(normalizeKey(key));
      return batch.commit();
    }
  }

  /**
   * Makes {@code source} hold exactly {@code resources}: those it held before and no longer does are deleted,
   * the rest added or updated, in one batch. A resource another source holds is taken over.
   */
  public List<ConfigEvent> replaceSource(String source, Collection<? extends MeshResource> resources) {
    synchronized (lock) {
      Batch batch = new Batch();
      Set<ConfigKey> kept = new TreeSet<>();
      for (MeshResource r : resources) {
        kept.add(batch.upsert(source, r));
      }
      for (NavigableMap<ConfigKey, ConfigEntry> m : view.byKind().values()) {
        for (ConfigEntry e : m.values()) {
          ConfigKey k = ConfigKey.of(e.resource());
          if (e.source().equals(source) && !kept.contains(k)) {
            batch.remove(k);
          }
        }
      }
      return batch.commit();
    }
  }

  /** The keys every entry of {@code source} has now, sorted. */
  public List<ConfigKey> keysOf(String source) {
    List<ConfigKey> out = new ArrayList<>();
    for (NavigableMap<ConfigKey, ConfigEntry> m : view.byKind().values()) {
      for (Map.Entry<ConfigKey, ConfigEntry> e : m.entrySet()) {
        if (e.getValue().source().equals(source)) {
          out.add(e.getKey());
        }
      }
    }
    out.sort(null);
    return out;
  }

  private ConfigKey normalizeKey(ConfigKey key) {
    if (key.namespace().isEmpty() && !CLUSTER_SCOPED.contains(key.kind())) {
      return new ConfigKey(key.group(), key.kind(), defaultNamespace, key.name());
    }
    return key;
  }

  private MeshResource normalize(MeshResource r) {
    if (!r.namespace().isEmpty() || CLUSTER_SCOPED.contains(r.kind())) {
      return r;
    }
    ObjectMeta meta = r.metadata().inNamespace(defaultNamespace);
    if (r instanceof GenericResource g) {
      return new GenericResource(g.apiVersion(), g.kind(), meta, g.body());
    }
    return withMeta((IstioResource<?>) r, meta);
  }

  private static <S> MeshResource withMeta(IstioResource<S> r, ObjectMeta meta) {
    return r.resourceKind().create(r.apiVersion(), meta, r.spec(), r.status());
  }

  private boolean inRevision(MeshResource r) {
    boolean revisioned = r instanceof IstioResource || r.group().equals("gateway.networking.k8s.io");
    if (!revisioned || revision.isEmpty()) {
      return true;
    }
    String rev = r.metadata().labels().get(REVISION_LABEL);
    return rev == null || rev.equals(revision);
  }

  /** Changes collected under the lock, published as one new view. */
  private final class Batch {
    private final long next = view.version() + 1;
    private final Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> copies = new HashMap<>();
    private final Map<ConfigKey, ConfigEvent> events = new TreeMap<>();

    ConfigKey upsert(String source, MeshResource raw) {
      MeshResource r = normalize(raw);
      ConfigKey key = ConfigKey.of(r);
      if (!inRevision(r)) {
        remove(key);
        return key;
      }
      NavigableMap<ConfigKey, ConfigEntry> m = current(key.kindId());
      ConfigEntry old = m.get(key);
      if (old != null && old.resource().equals(r)) {
        if (!old.source().equals(source)) {
          writable(key.kindId()).put(key, new ConfigEntry(r, source, old.version()));
        }
        return key;
      }
      writable(key.kindId()).put(key, new ConfigEntry(r, source, next));
      record(key, old == null ? null : old.resource(), r);
      return key;
    }

    void remove(ConfigKey key) {
      ConfigEntry old = current(key.kindId()).get(key);
      if (old != null) {
        writable(key.kindId()).remove(key);
        record(key, old.resource(), null);
      }
    }

    private void record(ConfigKey key, MeshResource before, MeshResource after) {
      ConfigEvent prior = events.get(key);
      Optional<MeshResource> first = prior != null ? prior.previous() : Optional.ofNullable(before);
      Optional<MeshResource> now = Optional.ofNullable(after);
      if (first.isEmpty() && now.isEmpty()) {
        events.remove(key);
        return;
      }
      ConfigEvent.Type type = first.isEmpty() ? ConfigEvent.Type.ADDED
          : now.isEmpty() ? ConfigEvent.Type.DELETED : ConfigEvent.Type.UPDATED;
      events.put(key, new ConfigEvent(type, key, first, now, next));
    }

    private NavigableMap<ConfigKey, ConfigEntry> current(KindId kind) {
      NavigableMap<ConfigKey, ConfigEntry> c = copies.get(kind);
      if (c != null) {
        return c;
      }
      NavigableMap<ConfigKey, ConfigEntry> m = view.byKind().get(kind);
      return m == null ? new TreeMap<>() : m;
    }

    private NavigableMap<ConfigKey, ConfigEntry> writable(KindId kind) {
      return copies.computeIfAbsent(kind, k -> {
        NavigableMap<ConfigKey, ConfigEntry> m = view.byKind().get(k);
        return m == null ? new TreeMap<>() : new TreeMap<>(m);
      });
    }

    List<ConfigEvent> commit() {
      if (events.isEmpty() && copies.isEmpty()) {
        return List.of();
      }
      Map<KindId, NavigableMap<ConfigKey, ConfigEntry>> merged = new HashMap<>(view.byKind());
      copies.forEach((k, m) -> merged.put(k, java.util.Collections.unmodifiableNavigableMap(m)));
      if (events.isEmpty()) {
        view = new ConfigView(view.version(), Map.copyOf(merged));
        return List.of();
      }
      ConfigView published = new ConfigView(next, Map.copyOf(merged));
      view = published;
      List<ConfigEvent> out = List.copyOf(events.values());
      for (ConfigListener l : listeners) {
        try {
          l.onChange(published, out);
        } catch (RuntimeException e) {
          // a failing listener must not undo the change or starve the others
        }
      }
      return out;
    }
  }

  /** Builds a {@link ConfigStore}. Not thread-safe. */
  public static final class Builder {
    private String revision = "";
    private String defaultNamespace = "default";

    private Builder() {}

    /** Keep only resources of this revision (and unlabelled ones); empty keeps all. */
    public Builder revision(String value) {
      this.revision = Objects.requireNonNull(value);
      return this;
    }

    /** The namespace of a namespaced resource that names none. */
    public Builder defaultNamespace(String value) {
      this.defaultNamespace = Objects.requireNonNull(value);
      return this;
    }

    public ConfigStore build() {
      return new ConfigStore(this);
    }
  }
}
