package dev.meshwright.xds.authz;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import dev.meshwright.api.security.ClaimToHeader;
import dev.meshwright.api.security.JWTHeader;
import dev.meshwright.api.security.JWTRule;
import dev.meshwright.api.security.RequestAuthentication;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtClaimToHeader;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtHeader;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementAndList;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementOrList;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.RequirementRule;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * RequestAuthentications to the {@code envoy.filters.http.jwt_authn} filter of a workload, as istiod builds it for
 * inbound chains and gateways: every JWT rule of every policy, sorted by issuer, becomes provider
 * {@code origins-<i>}; a request passes with no token or with a token valid for one provider, and with several
 * providers also when every present token is valid. CORS preflights bypass it. Key sets are inlined (istiod's default
 * fetch mode), from {@code jwks} or the {@link JwksResolver}.
 *
 * <p>With {@link AuthzOptions.JwtClaims#JWT_AUTHN} (1.21+ proxies) the payload goes to metadata key {@code payload},
 * {@code scope} and {@code permission} are split into lists, and non-sidecars clear the route cache; this is the only
 * filter istiod 1.22 emits for them. The legacy {@code istio_authn} filter older proxies also get is not built (its
 * proto is Istio's own). Pure and thread-safe.
 */
public final class JwtFilters {
  /** The filter's name. */
  public static final String JWT_AUTHN = Attribute.JWT_AUTHN;

  private JwtFilters() {}

  /** The filter for the RequestAuthentications that select {@code ctx}'s proxy; empty when none has JWT rules. */
  public static Optional<HttpFilter> http(ProxyContext ctx, JwksResolver jwks) {
    Proxy proxy = ctx.proxy();
    List<RequestAuthentication> policies =
        ctx.snapshot().policies().requestAuthentications(proxy.namespace(), proxy.labels());
    AuthzOptions.JwtClaims claims = AuthzInput.supportsExtendedJwt(proxy.istioVersion())
        ? AuthzOptions.JwtClaims.JWT_AUTHN : AuthzOptions.JwtClaims.ISTIO_AUTHN;
    return http(policies, jwks, claims, proxy.type());
  }

  /**
   * The filter for {@code policies} (already selected for the workload) on a proxy of {@code type}; empty when they
   * have no JWT rules.
   */
  public static Optional<HttpFilter> http(List<RequestAuthentication> policies, JwksResolver jwks,
      AuthzOptions.JwtClaims claims, ProxyType type) {
    List<JWTRule> rules = new ArrayList<>();
    policies.forEach(p -> rules.addAll(p.spec().jwtRules()));
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    rules.sort(Comparator.comparing((JWTRule r) -> r.issuer().orElse("")));
    JwtAuthentication.Builder config = JwtAuthentication.newBuilder().setBypassCorsPreflight(true);
    List<JwtRequirement> each = new ArrayList<>();
    List<JwtRequirement> any = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String name = "origins-" + i;
      config.putProviders(name, provider(rules.get(i), jwks, claims, type));
      JwtRequirement byName = JwtRequirement.newBuilder().setProviderName(name).build();
      each.add(JwtRequirement.newBuilder().setRequiresAny(JwtRequirementOrList.newBuilder()
          .addRequirements(byName)
          .addRequirements(JwtRequirement.newBuilder().setAllowMissing(Empty.getDefaultInstance()))).build());
      any.add(byName);
    }
    JwtRequirement requires;
    if (each.size() == 1) {
      requires = each.get(0);
    } else {
      any.add(JwtRequirement.newBuilder().setRequiresAll(JwtRequirementAndList.newBuilder().addAllRequirements(each))
          .build());
      requires = JwtRequirement.newBuilder().setRequiresAny(JwtRequirementOrList.newBuilder().addAllRequirements(any))
          .build();
    }
    config.addRules(RequirementRule.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/")).setRequires(requires));
    return Optional.of(HttpFilter.newBuilder().setName(JWT_AUTHN).setTypedConfig(Any.pack(config.build())).build());
  }

  private static JwtProvider provider(JWTRule rule, JwksResolver jwks, AuthzOptions.JwtClaims claims, ProxyType type) {
    String issuer = rule.issuer().orElse("");
    JwtProvider.Builder p = JwtProvider.newBuilder()
        .setIssuer(issuer)
        .addAllAudiences(rule.audiences())
        .setForward(rule.forwardOriginalToken().orElse(false))
        .setForwardPayloadHeader(rule.outputPayloadToHeader().orElse(""))
        .setPayloadInMetadata(issuer);
    if (claims == AuthzOptions.JwtClaims.JWT_AUTHN) {
      p.setPayloadInMetadata(Attribute.JWT_PAYLOAD)
          .setNormalizePayloadInMetadata(JwtProvider.NormalizePayload.newBuilder()
              .addSpaceDelimitedClaims("scope").addSpaceDelimitedClaims("permission"))
          .setClearRouteCache(type != ProxyType.SIDECAR);
    }
    for (ClaimToHeader c : rule.outputClaimToHeaders()) {
      p.addClaimToHeaders(JwtClaimToHeader.newBuilder().setHeaderName(c.header().orElse(""))
          .setClaimName(c.claim().orElse("")));
    }
    for (JWTHeader h : rule.fromHeaders()) {
      p.addFromHeaders(JwtHeader.newBuilder().setName(h.name().orElse("")).setValuePrefix(h.prefix().orElse("")));
    }
    p.addAllFromParams(rule.fromParams()).addAllFromCookies(rule.fromCookies());
    String keys = rule.jwks().filter(s -> !s.isEmpty()).orElseGet(() -> jwks.jwks(issuer, rule.jwksUri().orElse(""))
        .orElse(JwksResolver.UNAVAILABLE_JWKS));
    p.setLocalJwks(DataSource.newBuilder().setInlineString(keys));
    return p.build();
  }
}
