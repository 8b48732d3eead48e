package dev.meshwright.xds.ca;

import java.time.Duration;
import java.util.Objects;

/**
 * How the CA issues. Immutable; {@link #defaults()} are istiod's: trust domain {@code cluster.local}, workload
 * certificates 24 h by default and at most 90 days ({@code DEFAULT_WORKLOAD_CERT_TTL}, {@code MAX_WORKLOAD_CERT_TTL}),
 * a self-signed root valid 10 years, ECDSA P-256 keys.
 *
 * @param trustDomain the SPIFFE trust domain
 * @param defaultTtl the lifetime when a request asks for none
 * @param maxTtl the longest lifetime granted; longer requests are cut to it
 * @param rootTtl the self-signed root's lifetime
 * @param keyAlgorithm the key type of generated roots and workload keys
 */
public record CaOptions(String trustDomain, Duration defaultTtl, Duration maxTtl, Duration rootTtl,
    KeyAlgorithm keyAlgorithm) {
  public CaOptions {
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    Objects.requireNonNull(rootTtl, "rootTtl");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    if (defaultTtl.isNegative() || defaultTtl.isZero() || maxTtl.compareTo(defaultTtl) < 0) {
      throw new IllegalArgumentException("need 0 < defaultTtl <= maxTtl, got " + defaultTtl + " and " + maxTtl);
    }
  }

  /** istiod's defaults. */
  public static CaOptions defaults() {
    return new CaOptions("cluster.local", Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(3650),
        KeyAlgorithm.EC_P256);
  }

  /** These options for another trust domain. */
  public CaOptions withTrustDomain(String value) {
    return new CaOptions(value, defaultTtl, maxTtl, rootTtl, keyAlgorithm);
  }

  /** These options with another key algorithm. */
  public CaOptions withKeyAlgorithm(KeyAlgorithm value) {
    return new CaOptions(trustDomain, defaultTtl, maxTtl, rootTtl, value);
  }
}
