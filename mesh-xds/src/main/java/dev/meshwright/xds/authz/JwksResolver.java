package dev.meshwright.xds.authz;

import java.util.Optional;

/**
 * The JSON Web Key Sets istiod has fetched for RequestAuthentication {@code jwksUri}s (Istio's default fetch mode:
 * istiod fetches, the proxy gets them inline). Fetching happens at the edge; generation only looks keys up.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface JwksResolver {
  /**
   * A key set with one RSA public key whose private key was discarded: the stand-in istiod inlines while a key set is
   * not fetched yet, so that tokens are rejected rather than accepted unchecked.
   */
  String UNAVAILABLE_JWKS = "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"v58Kd32XePcXb0GsB2Rf_8t0uoY67i7Y57AB8vsHa8f-BhWXnjb3ieR3koeo8qGT6Wq7Xwwl6ixoxxX6tC5tCahSMerHr9l4OHe_WGsTNjUNDZ-IpvwAzp6EF0bhPUFjoQPjmsO3Yv0PNkp09Jco4GgsJpsHZLgYY7mBlR2uB47w_iQXMoC5zBo8tdA4iuV4625xUy9YxlLyxCXTNfJP3kLaMzPmz4heRm8TzWfOTnyxpaENZ2-L8rh4M3bAFWcx5CazmOsQeNCvhA5MGKIeoPXSpnVWh-r9WuKwjrAoqw68FqZ1ZDukxrnriDip_NIXK2lImz1MjtqKbBcyDyRV0Q\"}]}";

  /** Knows no key set: every {@code jwksUri} gets {@link #UNAVAILABLE_JWKS}. */
  JwksResolver NONE = (issuer, uri) -> Optional.empty();

  /** The fetched key set of {@code jwksUri} for {@code issuer}, or empty while it is not available. */
  Optional<String> jwks(String issuer, String jwksUri);
}
