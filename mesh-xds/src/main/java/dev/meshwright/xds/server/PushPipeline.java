package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Config change → debounce → one new snapshot → the changes it brings → a push request to every connected
 * stream.
 * {@link #publish} only records the snapshot and returns (it never blocks on diffing, generation or sending); the
 * debouncer's delivery diffs the newest snapshot against the current one ({@link SnapshotChanges#between}), swaps
 * it in and hands the changes to each stream, which decides on the push executor, by {@link PushPolicy}, whether
 * the change affects its proxy: not at all (nothing is generated), only endpoints of imported services (only
 * those ClusterLoadAssignments are generated), or otherwise (a full generation, of which only resources whose
 * content hash changed are sent). New streams' initial syncs pass {@link Admission} first. Thread-safe.
 */
final class PushPipeline {
  /**
   * One debounced change: the snapshot to push, when the oldest publish in it happened, and whether any publish in
   * it asked for every proxy to be regenerated whatever the snapshots say.
   */
  private record Change(MeshSnapshot snapshot, long sinceNanos, boolean full) {
    Change merge(Change later) {
      return new Change(later.snapshot, Math.min(sinceNanos, later.sinceNanos), full || later.full);
    }
  }

  private static final System.Logger LOG = System.getLogger(PushPipeline.class.getName());
  private final ConfigSource source;
  private final Executor executor;
  private final XdsMetrics metrics;
  private final String serverId;
  private final Scheduler scheduler;
  private final Debouncer<Change> debouncer;
  private final Admission admission;
  private final SendBudget sendBudget;
  private final ScopeCache scopes = new ScopeCache();
  private final Set<XdsStream> streams = ConcurrentHashMap.newKeySet();
  private final String noncePrefix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  private final AtomicLong nonces = new AtomicLong();
  private volatile MeshSnapshot current;

  PushPipeline(ConfigSource source, MeshSnapshot initial, AdsOptions options, Scheduler scheduler, Executor executor,
      XdsMetrics metrics) {
    this.source = Objects.requireNonNull(source);
    this.current = Objects.requireNonNull(initial);
    this.executor = Objects.requireNonNull(executor);
    this.metrics = Objects.requireNonNull(metrics);
    this.serverId = options.serverId();
    this.scheduler = scheduler;
    this.debouncer = new Debouncer<>(options.debounceAfter(), options.debounceMax(), scheduler, Change::merge,
        this::deliver);
    this.admission = new Admission(options.admission(), scheduler, metrics);
    this.sendBudget = new SendBudget(options.sendBudgetBytes());
    metrics.sendBudget(sendBudget::queued, sendBudget::waiting);
    metrics.connectedStreams(streams::size);
  }

  void publish(MeshSnapshot snapshot, boolean full) {
    debouncer.submit(new Change(Objects.requireNonNull(snapshot), scheduler.nanoTime(), full));
  }

  private synchronized void deliver(Change change) {
    SnapshotChanges changes;
    try {
      changes = change.full ? SnapshotChanges.all() : SnapshotChanges.between(current, change.snapshot);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not diff snapshots; pushing to every proxy", e);
      changes = SnapshotChanges.all();
    }
    scopes.advance(current, change.snapshot, changes);
    current = change.snapshot;
    metrics.snapshotPublished();
    if (changes.isEmpty()) {
      return;
    }
    for (XdsStream s : streams) {
      s.schedulePush(changes, change.sinceNanos);
    }
  }

  MeshSnapshot current() {
    return current;
  }

  ConfigSource source() {
    return source;
  }

  XdsMetrics metrics() {
    return metrics;
  }

  Admission admission() {
    return admission;
  }

  /** The scope dependencies of {@code proxy} in {@code snapshot} (cached for the newest snapshot). */
  ConfigDependencies dependencies(MeshSnapshot snapshot, Proxy proxy) {
    return scopes.of(snapshot, proxy);
  }

  /** The bound on response bytes all streams leave queued in gRPC. */
  SendBudget sendBudget() {
    return sendBudget;
  }

  String serverId() {
    return serverId;
  }

  String nonce() {
    return noncePrefix + "-" + nonces.incrementAndGet();
  }

  void execute(Runnable task) {
    executor.execute(task);
  }

  void register(XdsStream stream) {
    streams.add(stream);
  }

  void unregister(XdsStream stream) {
    streams.remove(stream);
  }

  List<XdsStream> streams() {
    return new ArrayList<>(streams);
  }
}
