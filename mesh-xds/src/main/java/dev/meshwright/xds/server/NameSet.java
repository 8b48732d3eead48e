package dev.meshwright.xds.server;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * An immutable set of subscribed resource names, shared by every stream that asks for the same names (a thousand
 * sidecars of one scope subscribe to the same thousand ClusterLoadAssignments: one copy, not a thousand), with an
 * index by hostname built once on first use, so a push for one changed service finds a stream's names of it
 * without walking them all. It also keeps the order the names first came in, so a SotW ACK repeating them in
 * that order is recognised by comparing strings in place instead of hashing each freshly parsed name. Instances
 * come from {@link #of}, which interns them weakly (an instance no stream
 * holds is collected). Thread-safe.
 */
final class NameSet {
  static final NameSet EMPTY = new NameSet(Set.of(), new String[0]);
  private static final Map<NameSet, WeakReference<NameSet>> INTERNED = new WeakHashMap<>();

  private final Set<String> names;
  /** The names in the order of the request that first asked for them (no duplicates). */
  private final String[] order;
  private final int hash;
  /** hostname → the names ending in {@code |hostname}; built on first use. */
  private volatile Map<String, List<String>> byHost;

  private NameSet(Set<String> names, String[] order) {
    this.names = names;
    this.order = order;
    this.hash = names.hashCode();
  }

  /** The shared set holding exactly {@code names} (duplicates count once). */
  static NameSet of(Collection<String> names) {
    if (names.isEmpty()) {
      return EMPTY;
    }
    // an immutable JDK set: Set.copyOf (as Subscriptions.with does) returns it as is, so no stream copies it
    Set<String> set = Set.copyOf(names);
    Collection<String> distinct = set.size() == names.size() ? names : new LinkedHashSet<>(names);
    NameSet candidate = new NameSet(set, distinct.toArray(String[]::new));
    synchronized (INTERNED) {
      WeakReference<NameSet> ref = INTERNED.get(candidate);
      NameSet found = ref == null ? null : ref.get();
      if (found != null) {
        return found;
      }
      INTERNED.put(candidate, new WeakReference<>(candidate));
      return candidate;
    }
  }

  /** The names (read-only). */
  Set<String> names() {
    return names;
  }

  /** Whether {@code requested} lists exactly these names in the order they first came in. */
  boolean sameOrder(List<String> requested) {
    if (requested.size() != order.length) {
      return false;
    }
    for (int i = 0; i < order.length; i++) {
      if (!order[i].equals(requested.get(i))) {
        return false;
      }
    }
    return true;
  }

  boolean contains(String name) {
    return names.contains(name);
  }

  int size() {
    return names.size();
  }

  /**
   * The names whose last {@code |}-separated part is {@code hostname} (EDS and RDS names end in
   * {@code |<hostname>}: {@code outbound|port|subset|host}).
   */
  List<String> ofHost(String hostname) {
    Map<String, List<String>> index = byHost;
    if (index == null) {
      Map<String, List<String>> built = new HashMap<>();
      for (String n : names) {
        built.computeIfAbsent(n.substring(n.lastIndexOf('|') + 1), h -> new ArrayList<>(2)).add(n);
      }
      index = built;
      byHost = index;
    }
    return index.getOrDefault(hostname, List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameSet other && hash == other.hash && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
