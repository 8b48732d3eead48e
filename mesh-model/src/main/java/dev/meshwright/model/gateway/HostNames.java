package dev.meshwright.model.gateway;

/**
 * Istio's hostname comparisons: {@code *} prefixes a wildcard that matches any suffix. Stateless.
 */
final class HostNames {
  private HostNames() {}

  static boolean isWildcarded(String h) {
    return !h.isEmpty() && h.charAt(0) == '*';
  }

  /** Whether the two names overlap (bi-directional: {@code *.a.com} and {@code x.a.com} match). */
  static boolean matches(String n, String o) {
    boolean nw = isWildcarded(n);
    boolean ow = isWildcarded(o);
    if (nw) {
      if (ow) {
        return n.length() < o.length() ? o.substring(1).endsWith(n.substring(1)) : n.substring(1).endsWith(o.substring(1));
      }
      return o.endsWith(n.substring(1));
    }
    if (ow) {
      return n.endsWith(o.substring(1));
    }
    return n.equals(o);
  }

  /** Whether every name {@code n} matches is also matched by {@code o}. */
  static boolean subsetOf(String n, String o) {
    boolean nw = isWildcarded(n);
    boolean ow = isWildcarded(o);
    if (nw) {
      if (ow) {
        return n.length() >= o.length() && n.substring(1).endsWith(o.substring(1));
      }
      return false;
    }
    if (ow) {
      return n.endsWith(o.substring(1));
    }
    return n.equals(o);
  }
}
