package dev.meshwright.xds.authz;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the authorization filters of one workload are built from. Immutable.
 *
 * @param policies the AuthorizationPolicies that apply to the workload (already selected by namespace and
 *     selector), of every action
 * @param meshConfig the mesh config: its extension providers serve CUSTOM policies
 * @param trustDomains the trust domain and aliases peer principals are rewritten for
 * @param options where identities are read from
 * @param services resolves ext_authz provider services to clusters
 */
public record AuthzInput(List<AuthorizationPolicy> policies, MeshConfig meshConfig, TrustDomainBundle trustDomains,
    AuthzOptions options, ServiceIndex services) {

  public AuthzInput {
    policies = List.copyOf(policies);
    Objects.requireNonNull(meshConfig, "meshConfig");
    Objects.requireNonNull(trustDomains, "trustDomains");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(services, "services");
  }

  /** This input with other options. */
  public AuthzInput withOptions(AuthzOptions value) {
    return new AuthzInput(policies, meshConfig, trustDomains, value, services);
  }

  /** This input with another trust-domain bundle. */
  public AuthzInput withTrustDomains(TrustDomainBundle value) {
    return new AuthzInput(policies, meshConfig, value, options, services);
  }

  /**
   * The input istiod uses for a proxy: the policies selecting its workload, the mesh's trust domain (default
   * {@code cluster.local}) and aliases, jwt_authn claims for proxies at 1.21 or newer (or of unknown version), and
   * peer identity from filter state for waypoints.
   */
  public static AuthzInput of(ProxyContext ctx) {
    Proxy proxy = ctx.proxy();
    MeshConfig mesh = ctx.meshConfig();
    List<AuthorizationPolicy> policies =
        ctx.snapshot().policies().authorizationPolicies(proxy.namespace(), proxy.labels());
    TrustDomainBundle bundle = TrustDomainBundle.of(mesh.trustDomain().orElse(TrustDomainBundle.CLUSTER_LOCAL),
        mesh.trustDomainAliases());
    AuthzOptions options = new AuthzOptions(
        supportsExtendedJwt(proxy.istioVersion()) ? AuthzOptions.JwtClaims.JWT_AUTHN
            : AuthzOptions.JwtClaims.ISTIO_AUTHN,
        proxy.type() == ProxyType.WAYPOINT ? AuthzOptions.PeerIdentity.FILTER_STATE
            : AuthzOptions.PeerIdentity.AUTHENTICATED);
    return new AuthzInput(policies, mesh, bundle, options, ServiceIndex.of(ctx.snapshot()));
  }

  /** Whether a proxy of this Istio version reads JWT claims from jwt_authn (1.21+, or unknown = newest). */
  static boolean supportsExtendedJwt(Optional<String> istioVersion) {
    if (istioVersion.isEmpty()) {
      return true;
    }
    String[] parts = istioVersion.get().split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > 1 || (major == 1 && minor >= 21);
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
