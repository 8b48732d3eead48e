package dev.meshwright.xds.ca;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed workload certificate as {@code CreateCertificate} returns it. Immutable.
 *
 * @param chain PEM certificates: the leaf first, then any intermediates, the root last
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record IssuedCertificate(List<String> chain, Instant notBefore, Instant notAfter) {
  public IssuedCertificate {
    chain = List.copyOf(chain);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /** The leaf certificate. */
  public String leaf() {
    return chain.get(0);
  }

  /** The chain as one PEM text, leaf first (without the root: what an SDS certificate chain carries). */
  public String chainWithoutRoot() {
    return String.join("", chain.subList(0, Math.max(1, chain.size() - 1)));
  }
}
