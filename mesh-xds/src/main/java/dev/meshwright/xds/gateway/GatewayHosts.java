package dev.meshwright.xds.gateway;

import dev.meshwright.api.networking.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * Istio's host name rules as gateways use them ({@code pkg/config/host}): wildcard matching both ways
 * ({@code Matches}), one way ({@code SubsetOf}), the intersection of server and VirtualService hosts, server
 * hosts visible to a namespace ({@code ns/host}, {@code *}{@code /host} or plain), and gateway references.
 * Stateless.
 */
final class GatewayHosts {
  private GatewayHosts() {}

  private static boolean wild(String h) {
    return h.startsWith("*");
  }

  /** Whether {@code a} and {@code b} overlap (either may be a wildcard). */
  static boolean matches(String a, String b) {
    if (wild(a) && wild(b)) {
      return a.length() < b.length() ? b.substring(1).endsWith(a.substring(1)) : a.substring(1).endsWith(b.substring(1));
    }
    if (wild(a)) {
      return b.endsWith(a.substring(1));
    }
    if (wild(b)) {
      return a.endsWith(b.substring(1));
    }
    return a.equals(b);
  }

  /** Whether {@code a} is covered by {@code b}. */
  static boolean subsetOf(String a, String b) {
    if (wild(a)) {
      return wild(b) && a.length() >= b.length() && a.substring(1).endsWith(b.substring(1));
    }
    if (wild(b)) {
      return a.endsWith(b.substring(1));
    }
    return a.equals(b);
  }

  /** The server hosts a VirtualService in {@code namespace} may bind to, without their namespace part. */
  static List<String> forNamespace(List<String> serverHosts, String namespace) {
    List<String> out = new ArrayList<>();
    for (String h : serverHosts) {
      int slash = h.indexOf('/');
      if (slash >= 0) {
        String ns = h.substring(0, slash);
        if (!ns.equals(namespace) && !ns.equals("*")) {
          continue;
        }
        h = h.substring(slash + 1);
      }
      out.add(h);
    }
    return out;
  }

  /** The hosts covered by both lists: each the narrower of an overlapping pair, in first-seen order. */
  static List<String> intersection(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    for (String x : a) {
      for (String y : b) {
        String pick = subsetOf(x, y) ? x : subsetOf(y, x) ? y : null;
        if (pick != null && !out.contains(pick)) {
          out.add(pick);
        }
      }
    }
    return out;
  }

  /** Whether any VirtualService host overlaps a server host of the VirtualService's namespace. */
  static boolean anyMatch(List<String> serverHosts, VirtualService vs) {
    for (String vh : vs.spec().hosts()) {
      for (String gh : serverHosts) {
        int slash = gh.indexOf('/');
        if (slash >= 0) {
          if (!gh.substring(0, slash).equals(vs.namespace())) {
            continue;
          }
          gh = gh.substring(slash + 1);
        }
        if (matches(gh, vh)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A gateway reference of a resource in {@code namespace} as {@code ns/name} (as mesh-model resolves them). */
  static String gatewayRef(String ref, String namespace) {
    if (ref.equals("mesh")) {
      return ref;
    }
    int slash = ref.indexOf('/');
    if (slash >= 0) {
      return ref.substring(0, slash).equals(".") ? namespace + ref.substring(slash) : ref;
    }
    int dot = ref.indexOf('.');
    if (dot < 0) {
      return namespace + "/" + ref;
    }
    String rest = ref.substring(dot + 1);
    int next = rest.indexOf('.');
    return (next < 0 ? rest : rest.substring(0, next)) + "/" + ref.substring(0, dot);
  }
}
