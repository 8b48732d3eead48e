package dev.meshwright.model.analysis.analyzers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Istio's host-name rules for analyzers: wildcard matching, namespace-scoped gateway hosts, short names to
 * FQDNs. Like Istio's analyzers ({@code analyzers/util}, which have no mesh environment), short names complete
 * with the fixed {@code svc.cluster.local}; translation and the Gateway API conversion take the environment's
 * domain suffix instead. Stateless.
 */
final class Hosts {
  static final String CLUSTER_DOMAIN = "svc.cluster.local";
  private static final Pattern FQDN = Pattern.compile("^(.+)\\.(.+)\\.svc\\.cluster\\.local$");

  private Hosts() {}

  /** Whether {@code a} and {@code b} overlap, either may be a wildcard ({@code *.example.com}). */
  static boolean matches(String a, String b) {
    boolean aw = a.startsWith("*");
    boolean bw = b.startsWith("*");
    if (aw && bw) {
      return a.length() < b.length() ? b.substring(1).endsWith(a.substring(1)) : a.substring(1).endsWith(b.substring(1));
    }
    if (aw) {
      return b.endsWith(a.substring(1));
    }
    if (bw) {
      return a.endsWith(b.substring(1));
    }
    return a.equals(b);
  }

  /** Gateway server hosts visible to {@code namespace}: {@code ns/host} kept when ns is {@code *} or matches. */
  static List<String> namesForNamespace(List<String> hosts, String namespace) {
    List<String> out = new ArrayList<>();
    for (String h : hosts) {
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

  /** A short name ({@code reviews}) as {@code reviews.NS.svc.cluster.local}; wildcards and dotted names stay. */
  static String toFqdn(String namespace, String host) {
    return host.startsWith("*") || host.contains(".") ? host : host + "." + namespace + "." + CLUSTER_DOMAIN;
  }

  /** {@code [namespace, name]} of a {@code name.ns.svc.cluster.local} host, or empty strings. */
  static String[] fullNameFromFqdn(String fqdn) {
    Matcher m = FQDN.matcher(fqdn);
    return m.matches() ? new String[] {m.group(2), m.group(1)} : new String[] {"", ""};
  }

  /** The {@code [namespace, name]} a destination host names, short names resolved in {@code defaultNamespace}. */
  static String[] resourceNameFromHost(String defaultNamespace, String host) {
    String[] n = fullNameFromFqdn(host);
    if (n[0].isEmpty()) {
      return new String[] {defaultNamespace, host};
    }
    return n;
  }
}
