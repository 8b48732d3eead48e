package dev.meshwright.xds.ca.server;

import dev.meshwright.xds.ca.Csrs;
import dev.meshwright.xds.ca.SpiffeId;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides who a CSR caller is; the CA certifies exactly the identities returned. Implementations are thread-safe
 * and never throw for a bad caller: they return {@link Result.Denied} with the reason (sent back as
 * UNAUTHENTICATED). istiod's Kubernetes JWT (TokenReview) authenticator is
 * {@link dev.meshwright.xds.ca.kube.TokenReviewAuthenticator}, at the Kubernetes edge; file mode has
 * {@link #trustRequestedIdentity}.
 */
@FunctionalInterface
public interface Authenticator {
  /** Who is asking and what they sent. */
  record Caller(Optional<String> bearerToken, Map<String, Object> requestMetadata, String csrPem,
      List<X509Certificate> peerCertificates) {
    public Caller {
      Objects.requireNonNull(bearerToken, "bearerToken");
      requestMetadata = Map.copyOf(requestMetadata);
      Objects.requireNonNull(csrPem, "csrPem");
      peerCertificates = List.copyOf(peerCertificates);
    }
  }

  /** The outcome. */
  sealed interface Result {
    /** The caller is these SPIFFE identities. */
    record Authenticated(List<String> identities) implements Result {
      public Authenticated {
        identities = List.copyOf(identities);
      }
    }

    /** The caller is refused, and why. */
    record Denied(String reason) implements Result {}
  }

  /** Authenticates one call. */
  Result authenticate(Caller caller);

  /** Refuses everyone (the CA is off). */
  static Authenticator denyAll() {
    return c -> new Result.Denied("no authenticator is configured for certificate requests");
  }

  /**
   * File mode's static option, for development and trusted networks only: believe the identity the caller claims,
   * the request metadata's {@code ImpersonatedIdentity} or else the CSR's SPIFFE URI SAN, when it is a workload
   * SPIFFE ID in {@code trustDomain}. Anyone who can reach the port can get a certificate for any workload of the
   * trust domain; never enable it where that matters.
   */
  static Authenticator trustRequestedIdentity(String trustDomain) {
    return c -> {
      Object impersonated = c.requestMetadata().get("ImpersonatedIdentity");
      List<String> claimed;
      if (impersonated instanceof String s && !s.isEmpty()) {
        claimed = List.of(s);
      } else {
        try {
          claimed = Csrs.requestedUris(c.csrPem());
        } catch (RuntimeException e) {
          return new Result.Denied("cannot read the CSR: " + e.getMessage());
        }
      }
      if (claimed.isEmpty()) {
        return new Result.Denied("the request names no identity (no ImpersonatedIdentity, no URI SAN in the CSR)");
      }
      for (String id : claimed) {
        Optional<SpiffeId> p = SpiffeId.parse(id);
        if (p.isEmpty() || !p.get().trustDomain().equals(trustDomain)) {
          return new Result.Denied("\"" + id + "\" is not a workload SPIFFE ID in trust domain " + trustDomain);
        }
      }
      return new Result.Authenticated(claimed);
    };
  }
}
