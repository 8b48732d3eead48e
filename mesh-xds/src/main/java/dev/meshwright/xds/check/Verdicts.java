package dev.meshwright.xds.check;

import com.google.protobuf.Message;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rule violations of messages already checked, by message identity: resources shared through the snapshot's
 * {@code XdsCache} are the same message objects for every proxy, so each is checked once, while freshly generated
 * messages cost no deep hash or comparison. Entries go when their message is collected (weak keys) and all at once
 * past a bound. Thread-safe.
 */
final class Verdicts {
  private static final int MAX = 200_000;

  private final Map<Ref, List<String>> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<Message> collected = new ReferenceQueue<>();

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
