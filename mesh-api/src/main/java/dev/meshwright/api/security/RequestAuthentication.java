package dev.meshwright.api.security;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A security.istio.io RequestAuthentication: which JWTs the selected workloads accept, and where to find
 * them in a request. A request with an invalid token is rejected; one without a token is not (pair it with
 * an {@link AuthorizationPolicy} for that). Immutable.
 *
 * <pre>{@code
 * RequestAuthentication jwt = RequestAuthentication.builder()
 *     .metadata(ObjectMeta.of("httpbin", "foo"))
 *     .spec(RequestAuthenticationSpec.builder()
 *         .addJwtRule(JWTRule.builder().issuer("issuer-foo").jwksUri("https://example.com/jwks.json").build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface RequestAuthentication extends IstioResource<RequestAuthenticationSpec> {
  ResourceKind<RequestAuthentication, RequestAuthenticationSpec> KIND =
      ResourceKind.builder(RequestAuthentication.class, RequestAuthenticationSpec.class)
          .group("security.istio.io")
          .kind("RequestAuthentication")
          .versions("v1", "v1beta1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new RequestAuthenticationValidator())
          .build();

  @Override
  RequestAuthenticationSpec spec();

  @Override
  default ResourceKind<RequestAuthentication, RequestAuthenticationSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RequestAuthentication}. */
  final class Builder extends ImmutableRequestAuthentication.Builder {}
}
