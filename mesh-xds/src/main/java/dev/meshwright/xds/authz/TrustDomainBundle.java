package dev.meshwright.xds.authz;

import java.util.ArrayList;
import java.util.List;

/**
 * The mesh's trust domain and its aliases, in that order; peer principals in policies are rewritten for each of them
 * (Istio's {@code trustdomain.Bundle}). The {@link #NONE} bundle has no trust domain at all: with it, a principal in
 * {@code cluster.local} expands to nothing. Immutable.
 *
 * @param trustDomains the trust domain followed by its aliases
 */
public record TrustDomainBundle(List<String> trustDomains) {
  /** Istio's default trust domain, whose principals are always rewritten. */
  static final String CLUSTER_LOCAL = "cluster.local";

  /** The zero bundle. */
  public static final TrustDomainBundle NONE = new TrustDomainBundle(List.of());

  public TrustDomainBundle {
    trustDomains = List.copyOf(trustDomains);
  }

  /** The bundle of {@code trustDomain} and {@code aliases}, in order. */
  public static TrustDomainBundle of(String trustDomain, List<String> aliases) {
    List<String> all = new ArrayList<>();
    all.add(trustDomain);
    all.addAll(aliases);
    return new TrustDomainBundle(all);
  }

  /**
   * {@code principals} with every SPIFFE-form principal ({@code td/ns/x/sa/y}) of one of this bundle's trust
   * domains (or of {@code cluster.local}) replaced by its form in each trust domain of the bundle, without
   * duplicates; other principals pass through.
   */
  public List<String> expand(List<String> principals) {
    List<String> out = new ArrayList<>();
    for (String principal : principals) {
      String[] parts = principal.split("/", -1);
      if (parts.length != 5 || parts[0].equals("*")) {
        out.add(principal);
        continue;
      }
      String td = parts[0];
      if (matchesAny(td) || td.equals(CLUSTER_LOCAL)) {
        out.addAll(rewrite(principal, td));
      } else {
        out.add(principal);
      }
    }
    return out;
  }

  private List<String> rewrite(String principal, String fromTd) {
    List<String> out = new ArrayList<>();
    for (String td : trustDomains) {
      String rewritten = suffixMatch(td, fromTd) ? principal : td + principal.substring(principal.indexOf('/'));
      if (!out.contains(rewritten)) {
        out.add(rewritten);
      }
    }
    return out;
  }

  private boolean matchesAny(String td) {
    for (String s : trustDomains) {
      if (td.equals(s) || s.equals("*") || prefixMatch(td, s) || prefixMatch(s, td) || suffixMatch(td, s)
          || suffixMatch(s, td)) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixMatch(String a, String pattern) {
    return pattern.endsWith("*") && a.startsWith(pattern.substring(0, pattern.length() - 1));
  }

  private static boolean suffixMatch(String a, String pattern) {
    return pattern.startsWith("*") && a.endsWith(pattern.substring(1));
  }
}
