package dev.meshwright.xds;

import dev.meshwright.model.snapshot.MeshSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * What generators derive from one {@link MeshSnapshot} and share across every proxy generated from it (Istio's
 * {@code PushContext} indexes): endpoints by IP, services visible per namespace, Sidecar scopes, VirtualServices
 * with delegates merged, and the {@link XdsCache} of generated resources. Each entry is a pure function of the
 * snapshot and of its key, so it is computed at most a few times (two threads may race; both get equal values)
 * and never changes. A new snapshot gets a new memo: that is the invalidation; memos of snapshots nobody holds
 * any more are dropped with them (weak keys, by identity, as {@code MeshSnapshot} has no value equality).
 *
 * <p>Values must not refer to the snapshot itself, or it would never be dropped. Thread-safe.
 */
public final class SnapshotMemo {
  private static final Map<MeshSnapshot, SnapshotMemo> MEMOS = Collections.synchronizedMap(new WeakHashMap<>());

  private final Memo entries = new Memo();
  private final XdsCache cache = new XdsCache(XdsCache.DEFAULT_MAX_ENTRIES);

  private SnapshotMemo() {}

  /** The memo of {@code snapshot}, created on first use. */
  public static SnapshotMemo of(MeshSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return MEMOS.computeIfAbsent(snapshot, s -> new SnapshotMemo());
  }

  /**
   * The value under {@code key}, computed by {@code compute} on first use. Keys are values (records) whose class
   * says what they index, so packages never collide; {@code compute} may itself read the memo.
   */
  public <T> T get(Object key, Supplier<T> compute) {
    return entries.get(key, compute);
  }

  /** The generated-resource cache of this snapshot. */
  public XdsCache cache() {
    return cache;
  }
}
