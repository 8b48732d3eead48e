package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Config change → debounce → one new snapshot → a push to every connected stream. {@link #publish} only records
 * the change and returns (it never blocks on generation or sending); the debouncer's delivery swaps the current
 * snapshot and asks each stream for a push, which runs on the bounded push executor. A stream regenerates from the
 * newest snapshot and sends only resources whose content hash changed, so a change that does not affect a proxy
 * costs that proxy one generation and sends nothing. Endpoint-only changes are diffed for EDS only.
 * Thread-safe.
 */
final class PushPipeline {
  /** One debounced change: the snapshot to push and whether more than endpoints changed. */
  private record Change(MeshSnapshot snapshot, boolean full, long sinceNanos) {
    Change merge(Change later) {
      return new Change(later.snapshot, full || later.full, Math.min(sinceNanos, later.sinceNanos));
    }
  }

  private final ConfigSource source;
  private final Executor executor;
  private final XdsMetrics metrics;
  private final String serverId;
  private final Scheduler scheduler;
  private final Debouncer<Change> debouncer;
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
    metrics.connectedStreams(streams::size);
  }

  void publish(MeshSnapshot snapshot, boolean full) {
    debouncer.submit(new Change(Objects.requireNonNull(snapshot), full, scheduler.nanoTime()));
  }

  private void deliver(Change change) {
    current = change.snapshot;
    metrics.snapshotPublished();
    for (XdsStream s : streams) {
      s.schedulePush(change.full, change.sinceNanos);
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
