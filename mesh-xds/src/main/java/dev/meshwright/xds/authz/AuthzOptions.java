package dev.meshwright.xds.authz;

import java.util.Objects;

/**
 * How authorization filters read identities, as Istio switches it per proxy. Immutable.
 *
 * @param jwtClaims where request principals and JWT claims are read from; {@link JwtClaims#JWT_AUTHN} for proxies
 *     at Istio 1.21 or newer (and of unknown version), which is what 1.22 sidecars get
 * @param peerIdentity where the peer's principal is read from; {@link PeerIdentity#FILTER_STATE} only for waypoints
 *     and the inbound HBONE chains
 */
public record AuthzOptions(JwtClaims jwtClaims, PeerIdentity peerIdentity) {
  /** The 1.22 sidecar defaults: jwt_authn payload metadata, peer identity from the TLS certificate. */
  public static final AuthzOptions DEFAULTS = new AuthzOptions(JwtClaims.JWT_AUTHN, PeerIdentity.AUTHENTICATED);

  public AuthzOptions {
    Objects.requireNonNull(jwtClaims, "jwtClaims");
    Objects.requireNonNull(peerIdentity, "peerIdentity");
  }

  /** These options with {@code value}. */
  public AuthzOptions withJwtClaims(JwtClaims value) {
    return new AuthzOptions(value, peerIdentity);
  }

  /** These options with {@code value}. */
  public AuthzOptions withPeerIdentity(PeerIdentity value) {
    return new AuthzOptions(jwtClaims, value);
  }

  /** The dynamic metadata a request's JWT claims are matched in. */
  public enum JwtClaims {
    /** {@code envoy.filters.http.jwt_authn} metadata ({@code payload.iss}, ...), with list-or-value matchers. */
    JWT_AUTHN,
    /** The legacy {@code istio_authn} filter's metadata ({@code request.auth.principal}, ...). */
    ISTIO_AUTHN
  }

  /** Where the peer's identity is matched. */
  public enum PeerIdentity {
    /** The authenticated principal of the downstream TLS connection. */
    AUTHENTICATED,
    /** The {@code io.istio.peer_principal} filter state. */
    FILTER_STATE
  }
}
