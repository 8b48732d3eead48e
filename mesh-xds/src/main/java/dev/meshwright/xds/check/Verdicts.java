package dev.meshwright.xds.check;

import com.google.protobuf.Message;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rule violations of resources already checked. A resource versioned by its content hash is looked up by type
 * and version, so content generated again (for another proxy with caching off, or by the next snapshot for a
 * cluster that did not change) is checked once; the hash is computed anyway, so the lookup costs no extra pass over
 * the bytes. Other resources are looked up by message identity: entries go when their message is collected (weak
 * keys). Both maps are cleared at once past a bound. Thread-safe.
 */
final class Verdicts {
  private static final int MAX = 100_000;

  private final Map<Content, List<String>> byContent = new ConcurrentHashMap<>();
  private final Map<Ref, List<String>> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<Message> collected = new ReferenceQueue<>();

  /** A resource's type and content hash (both strings keep their hash codes, so no characters are copied). */
  private record Content(String typeUrl, String version) {}

  /** A weak reference equal to another exactly when both still refer to the same object. */
  private static final class Ref extends WeakReference<Message> {
    private final int hash;

    Ref(Message m, ReferenceQueue<Message> q) {
      super(m, q);
      this.hash = System.identityHashCode(m);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Message m = get();
      return o instanceof Ref r && m != null && m == r.get();
    }
  }

  /** The violations of {@code r}, computed by {@code check} the first time its content is asked about. */
  List<String> get(dev.meshwright.xds.XdsResource r, Function<Message, List<String>> check) {
    if (!r.versionIsContentHash()) {
      return get(r.message(), check);
    }
    Content key = new Content(r.typeUrl(), r.version());
    List<String> known = byContent.get(key);
    if (known != null) {
      return known;
    }
    List<String> v = List.copyOf(check.apply(r.message()));
    if (byContent.size() >= MAX) {
      byContent.clear();
    }
    byContent.put(key, v);
    return v;
  }

  /** The violations of {@code m}, computed by {@code check} the first time this object is asked about. */
  List<String> get(Message m, Function<Message, List<String>> check) {
    for (Object r; (r = collected.poll()) != null; ) {
      entries.remove(r);
    }
    Ref key = new Ref(m, null);
    List<String> known = entries.get(key);
    if (known != null) {
      return known;
    }
    List<String> v = List.copyOf(check.apply(m));
    if (entries.size() >= MAX) {
      entries.clear();
    }
    entries.put(new Ref(m, collected), v);
    return v;
  }
}
