package dev.meshwright.xds.istiod;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.authz.AuthzFilters;
import dev.meshwright.xds.authz.AuthzInput;
import dev.meshwright.xds.authz.JwksResolver;
import dev.meshwright.xds.authz.JwtFilters;
import dev.meshwright.xds.listener.InboundFilters;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Security policy on a sidecar's inbound chains, in istiod's order: on HTTP chains the CUSTOM (ext_authz) filters,
 * then {@code jwt_authn} from RequestAuthentications, then the AUDIT/DENY/ALLOW RBAC filters; on TCP chains the
 * CUSTOM filters then RBAC. JWKS are not fetched here (no I/O in generation): a rule with only a {@code jwksUri}
 * gets what the {@link JwksResolver} has, or a key set no token matches, so its tokens are rejected until the key
 * set is fetched (see {@code JwtFilters}). Thread-safe.
 */
final class AuthzInboundFilters implements InboundFilters {
  private final JwksResolver jwks;

  AuthzInboundFilters(JwksResolver jwks) {
    this.jwks = jwks;
  }

  @Override
  public List<HttpFilter> http(ProxyContext ctx) {
    AuthzFilters.Result<HttpFilter> authz = AuthzFilters.http(AuthzInput.of(ctx));
    List<HttpFilter> out = new ArrayList<>(authz.custom());
    JwtFilters.http(ctx, jwks).ifPresent(out::add);
    out.addAll(authz.local());
    return out;
  }

  @Override
  public List<Filter> tcp(ProxyContext ctx) {
    return AuthzFilters.tcp(AuthzInput.of(ctx)).all();
  }
}
