package dev.meshwright.api.networking;

/**
 * Host name overlap as Istio defines it for (possibly wildcarded) names: {@code *.example.com} covers
 * {@code a.example.com} and {@code *.a.example.com}; {@code *} covers everything.
 */
final class VirtualServiceHosts {
  private VirtualServiceHosts() {}

  private static boolean wildcard(String h) {
    return h.startsWith("*");
  }

  /** Whether {@code a} and {@code b} have a name in common (either covers the other). */
  static boolean overlap(String a, String b) {
    boolean wa = wildcard(a);
    boolean wb = wildcard(b);
    if (wa && wb) {
      return a.length() < b.length() ? b.substring(1).endsWith(a.substring(1)) : a.substring(1).endsWith(b.substring(1));
    }
    if (wa) {
      return b.endsWith(a.substring(1));
    }
    if (wb) {
      return a.endsWith(b.substring(1));
    }
    return a.equals(b);
  }

  /** Whether every name {@code a} stands for is also covered by {@code b}. */
  static boolean subsetOf(String a, String b) {
    boolean wa = wildcard(a);
    boolean wb = wildcard(b);
    if (wa && wb) {
      return a.length() >= b.length() && a.substring(1).endsWith(b.substring(1));
    }
    if (wa) {
      return false;
    }
    if (wb) {
      return a.endsWith(b.substring(1));
    }
    return a.equals(b);
  }
}
