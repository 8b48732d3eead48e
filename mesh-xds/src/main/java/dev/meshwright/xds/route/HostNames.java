package dev.meshwright.xds.route;

import java.util.Map;

/** Istio host-name matching ({@code host.Name.Matches}): a leading {@code *} covers any prefix, either side. */
final class HostNames {
  private HostNames() {}

  static boolean wildcard(String h) {
    return h.startsWith("*");
  }

  static boolean matches(String n, String o) {
    if (wildcard(n)) {
      if (wildcard(o)) {
        return n.length() < o.length() ? o.substring(1).endsWith(n.substring(1)) : n.substring(1).endsWith(
            o.substring(1));
      }
      return o.endsWith(n.substring(1));
    }
    if (wildcard(o)) {
      return n.endsWith(o.substring(1));
    }
    return n.equals(o);
  }

  /** The key of {@code exact} equal to {@code host}, else the longest key of {@code wildcards} matching it, else null. */
  static <V> V mostSpecific(String host, Map<String, V> exact, Map<String, V> wildcards) {
    V v = exact.get(host);
    if (v != null) {
      return v;
    }
    String best = null;
    for (String k : wildcards.keySet()) {
      if (matches(k, host) && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best == null ? null : wildcards.get(best);
  }
}
