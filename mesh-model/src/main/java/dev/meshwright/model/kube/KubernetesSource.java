package dev.meshwright.model.kube;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.yaml.Strictness;
import dev.meshwright.fabric8.Conversion;
import dev.meshwright.fabric8.Fabric8Resources;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a {@link ConfigStore} in step with a Kubernetes cluster through one fabric8 informer per
 * {@link WatchedKind}. Added and updated objects are converted with {@link Fabric8Resources} (leniently: a
 * field newer than Meshwright's model is a warning) and put into the store under the source name
 * {@value #SOURCE}; deleted objects are deleted.
 *
 * <p>Survival: fabric8 informers re-list and re-watch after a dropped watch or an expired resource
 * version, and hand the differences (including objects deleted meanwhile) to this source as ordinary
 * events; periodic resyncs re-deliver unchanged objects, which the store ignores. The store therefore
 * never loses state across disconnects. An object that cannot be converted keeps its last good version in
 * the store and shows up in {@link #diagnostics()}; a kind whose informer cannot start (its CRD is not
 * installed) is reported there too, and every other kind still runs.
 *
 * <p>Thread-safe. Informer threads write to the store concurrently (the store serializes them).
 */
public final class KubernetesSource implements AutoCloseable {
  /** The source name entries from the cluster carry in the store. */
  public static final String SOURCE = "kubernetes";

  private final KubernetesClient client;
  private final ConfigStore store;
  private final List<WatchedKind> kinds;
  private final Duration resync;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
  private final Map<String, Diagnostic> diagnostics = new ConcurrentHashMap<>();

  /**
   * A source that will watch {@code kinds} through {@code client} into {@code store}.
   *
   * @param resync how often informers re-deliver everything (zero for never)
   */
  public KubernetesSource(KubernetesClient client, ConfigStore store, List<WatchedKind> kinds, Duration resync) {
    this.client = Objects.requireNonNull(client);
    this.store = Objects.requireNonNull(store);
    this.kinds = List.copyOf(kinds);
    this.resync = Objects.requireNonNull(resync);
  }

  /**
   * Starts every informer. The future completes when each has finished its first list (or failed; failures
   * become diagnostics), so the store then holds the cluster's state.
   */
  public synchronized CompletableFuture<Void> start() {
    if (!informers.isEmpty()) {
      throw new IllegalStateException("already started");
    }
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (WatchedKind kind : kinds) {
      MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
          client.genericKubernetesResources(kind.context());
      SharedIndexInformer<GenericKubernetesResource> informer = kind.namespace().isEmpty()
          ? op.inAnyNamespace().runnableInformer(resync.toMillis())
          : op.inNamespace(kind.namespace()).runnableInformer(resync.toMillis());
      informer.addEventHandler(new Handler(kind));
      informers.add(informer);
      started.add(informer.start().toCompletableFuture().handle((ok, error) -> {
        if (error != null) {
          diagnostics.put("informer " + kind.id(), Diagnostic.error("", "cannot watch " + kind.id() + ": "
              + error.getMessage()).withSource(SOURCE, 0, 0));
        }
        return null;
      }));
    }
    return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
  }

  /** Whether every informer has listed its kind at least once. */
  public synchronized boolean hasSynced() {
    return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** Whether at least one informer has listed its kind (false when the cluster cannot be watched at all). */
  public synchronized boolean hasSyncedAny() {
    return informers.stream().anyMatch(SharedIndexInformer::hasSynced);
  }

  /** Current problems: objects that could not be converted and kinds that could not be watched, sorted. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(new TreeMap<>(diagnostics).values());
  }

  /** Stops every informer; the store keeps what it has. */
  @Override
  public synchronized void close() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    private final WatchedKind kind;

    Handler(WatchedKind kind) {
      this.kind = kind;
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      upsert(obj);
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      upsert(newObj);
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      if (!wanted(obj)) {
        return;
      }
      String group = kind.context().getGroup() == null ? "" : kind.context().getGroup();
      String ns = obj.getMetadata().getNamespace() == null ? "" : obj.getMetadata().getNamespace();
      diagnostics.remove(id(obj));
      store.delete(new ConfigKey(group, kind.context().getKind(), ns, obj.getMetadata().getName()));
    }

    private String id(GenericKubernetesResource obj) {
      return kind.id() + " " + obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
    }

    private boolean wanted(GenericKubernetesResource obj) {
      return obj.getMetadata() != null && obj.getMetadata().getName() != null
          && (kind.names().isEmpty() || kind.names().contains(obj.getMetadata().getName()));
    }

    private void upsert(GenericKubernetesResource obj) {
      if (!wanted(obj)) {
        return;
      }
      if (obj.getApiVersion() == null || obj.getKind() == null) {
        String group = kind.context().getGroup();
        obj.setApiVersion(group == null || group.isEmpty() ? kind.context().getVersion()
            : group + "/" + kind.context().getVersion());
        obj.setKind(kind.context().getKind());
      }
      Conversion<MeshResource> read = Fabric8Resources.fromGeneric(obj, Strictness.LENIENT);
      String id = id(obj);
      if (read.resource().isEmpty()) {
        Diagnostic first = read.diagnostics().stream().filter(Diagnostic::isError).findFirst()
            .orElse(Diagnostic.error("", "cannot be read"));
        String ns = obj.getMetadata().getNamespace() == null ? "" : obj.getMetadata().getNamespace();
        diagnostics.put(id, Diagnostic.error(first.path(), first.message() + " (last good version kept)")
            .withResource(kind.context().getKind(), ns, obj.getMetadata().getName()).withSource(SOURCE, 0, 0));
        return;
      }
      diagnostics.remove(id);
      store.put(SOURCE, read.resource().get());
    }
  }
}
