package dev.meshwright.xds.ca;

import java.util.Objects;
import java.util.Optional;

/**
 * A SPIFFE ID of a Kubernetes workload, {@code spiffe://<trust-domain>/ns/<namespace>/sa/<service-account>}.
 * Immutable.
 *
 * @param trustDomain the trust domain
 * @param namespace the namespace
 * @param serviceAccount the service account
 */
public record SpiffeId(String trustDomain, String namespace, String serviceAccount) {
  private static final String SCHEME = "spiffe://";

  public SpiffeId {
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    if (trustDomain.isEmpty() || namespace.isEmpty() || serviceAccount.isEmpty()
        || (trustDomain + namespace + serviceAccount).contains("/")) {
      throw new IllegalArgumentException("not a workload SPIFFE ID: " + trustDomain + "/" + namespace + "/"
          + serviceAccount);
    }
  }

  /** Parses {@code spiffe://td/ns/NS/sa/SA}; empty when the text is not of that shape. */
  public static Optional<SpiffeId> parse(String uri) {
    if (uri == null || !uri.startsWith(SCHEME)) {
      return Optional.empty();
    }
    String[] p = uri.substring(SCHEME.length()).split("/", -1);
    if (p.length != 5 || !p[1].equals("ns") || !p[3].equals("sa") || p[0].isEmpty() || p[2].isEmpty()
        || p[4].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SpiffeId(p[0], p[2], p[4]));
  }

  /** The URI form. */
  public String uri() {
    return SCHEME + trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
  }

  @Override
  public String toString() {
    return uri();
  }
}
