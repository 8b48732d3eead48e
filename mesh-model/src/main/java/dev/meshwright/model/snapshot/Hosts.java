package dev.meshwright.model.snapshot;

import dev.meshwright.api.MeshResource;
import java.util.Map;

/** Istio's host name rules: short names to FQDNs, wildcard matching, gateway name resolution. Stateless. */
final class Hosts {
  static final String MESH_GATEWAY = "mesh";

  private Hosts() {}

  /** A short name ({@code reviews}) becomes {@code reviews.NS.svc.SUFFIX}; {@code *}, IPs and dotted names stay. */
  static String fqdn(String host, String namespace, String domainSuffix) {
    if (host.isEmpty() || host.equals("*") || host.contains(".") || host.contains(":")) {
      return host;
    }
    return namespace.isEmpty() ? host + ".svc." + domainSuffix : host + "." + namespace + ".svc." + domainSuffix;
  }

  /**
   * A VirtualService's gateway reference as {@code ns/name}: {@code mesh} stays, {@code ./gw} and {@code gw}
   * are in the resource's namespace, the legacy {@code gw.ns.svc.cluster.local} becomes {@code ns/gw}.
   */
  static String gateway(String ref, MeshResource owner) {
    if (ref.equals(MESH_GATEWAY)) {
      return ref;
    }
    int slash = ref.indexOf('/');
    if (slash >= 0) {
      return ref.substring(0, slash).equals(".") ? owner.namespace() + ref.substring(slash) : ref;
    }
    int dot = ref.indexOf('.');
    if (dot < 0) {
      return owner.namespace() + "/" + ref;
    }
    String rest = ref.substring(dot + 1);
    int next = rest.indexOf('.');
    return (next < 0 ? rest : rest.substring(0, next)) + "/" + ref.substring(0, dot);
  }

  /** Whether pattern {@code pattern} (maybe {@code *.x} or {@code *}) covers {@code host}. */
  static boolean matches(String pattern, String host) {
    if (pattern.equals(host) || pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*")) {
      String suffix = pattern.substring(1);
      if (host.startsWith("*")) {
        return host.substring(1).endsWith(suffix);
      }
      return host.endsWith(suffix);
    }
    return false;
  }

  /**
   * Istio's most specific host match: an exact key wins, else the longest wildcard key covering {@code host}.
   * Returns the matching key or null.
   */
  static <V> String mostSpecific(String host, Map<String, V> rules) {
    if (rules.containsKey(host)) {
      return host;
    }
    String best = null;
    for (String key : rules.keySet()) {
      if (key.startsWith("*") && matches(key, host) && (best == null || key.length() > best.length())) {
        best = key;
      }
    }
    return best;
  }
}
