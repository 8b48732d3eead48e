package dev.meshwright.xds;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource names a proxy asked for, per type URL. A type that is absent (or subscribed with {@code *}) is
 * a wildcard: the generator decides (for Envoy: every cluster and listener, the routes the listeners name, the
 * endpoints of the EDS clusters). Immutable.
 */
public final class Subscriptions {
  private static final Subscriptions ALL = new Subscriptions(Map.of());
  private final Map<String, Set<String>> names;

  private Subscriptions(Map<String, Set<String>> names) {
    this.names = Map.copyOf(names);
  }

  /** Wildcard for every type. */
  public static Subscriptions all() {
    return ALL;
  }

  /** These subscriptions with {@code typeUrl} limited to {@code resourceNames} ({@code *} among them: wildcard). */
  public Subscriptions with(String typeUrl, Set<String> resourceNames) {
    Map<String, Set<String>> copy = new HashMap<>(names);
    if (resourceNames.contains("*")) {
      copy.remove(typeUrl);
    } else {
      copy.put(typeUrl, Set.copyOf(resourceNames));
    }
    return new Subscriptions(copy);
  }

  /** The names asked for, or empty for a wildcard. */
  public Optional<Set<String>> names(String typeUrl) {
    return Optional.ofNullable(names.get(typeUrl));
  }

  /** Whether {@code name} of {@code typeUrl} is wanted. */
  public boolean wants(String typeUrl, String name) {
    Set<String> n = names.get(typeUrl);
    return n == null || n.contains(name);
  }
}
