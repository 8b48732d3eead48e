package dev.meshwright.xds.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.security.RequestAuthentication;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.xds.ProxyType;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JwtFiltersTest {
  private static List<RequestAuthentication> read(String yaml) {
    return MeshYaml.standard().readAll("ra.yaml", yaml).resources().stream()
        .map(RequestAuthentication.class::cast).toList();
  }

  private static final String TWO_ISSUERS = """
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        jwtRules:
        - issuer: https://z.corp.example
          jwksUri: https://z.corp.example/keys
          fromHeaders: [{name: x-token, prefix: 'Bearer '}]
        - issuer: https://a.corp.example
          jwks: '{"keys":[]}'
          audiences: [shop]
          outputClaimToHeaders: [{header: x-sub, claim: sub}]
      """;

  private static JwtAuthentication config(List<RequestAuthentication> ras, JwksResolver jwks, ProxyType type) {
    var f = JwtFilters.http(ras, jwks, AuthzOptions.JwtClaims.JWT_AUTHN, type).orElseThrow();
    assertThat(f.getName()).isEqualTo("envoy.filters.http.jwt_authn");
    return (JwtAuthentication) FilterYaml.unpack(f.getTypedConfig()).orElseThrow();
  }

  @Test
  @DisplayName("rules sorted by issuer become origins-<i>; a request needs a valid token for one, or none at all")
  void twoIssuers() {
    JwtAuthentication c = config(read(TWO_ISSUERS), JwksResolver.NONE, ProxyType.SIDECAR);
    assertThat(c.getProvidersMap().get("origins-0").getIssuer()).isEqualTo("https://a.corp.example");
    assertThat(c.getProvidersMap().get("origins-1").getIssuer()).isEqualTo("https://z.corp.example");
    assertThat(c.getBypassCorsPreflight()).isTrue();
    JwtRequirement req = c.getRules(0).getRequires();
    assertThat(c.getRules(0).getMatch().getPrefix()).isEqualTo("/");
    assertThat(req.getRequiresAny().getRequirementsList()).extracting(JwtRequirement::getProviderName)
        .containsExactly("origins-0", "origins-1", "");
    JwtRequirement all = req.getRequiresAny().getRequirements(2);
    assertThat(all.getRequiresAll().getRequirementsList()).hasSize(2).allSatisfy(r -> {
      assertThat(r.getRequiresAny().getRequirements(1).hasAllowMissing()).isTrue();
    });
  }

  @Test
  @DisplayName("providers: payload in metadata 'payload', scope and permission split, inline keys, headers and claims")
  void provider() {
    JwksResolver fetched = (iss, uri) -> uri.equals("https://z.corp.example/keys") ? Optional.of("{\"keys\":[1]}")
        : Optional.empty();
    JwtAuthentication c = config(read(TWO_ISSUERS), fetched, ProxyType.ROUTER);
    JwtProvider a = c.getProvidersMap().get("origins-0");
    assertThat(a.getPayloadInMetadata()).isEqualTo("payload");
    assertThat(a.getNormalizePayloadInMetadata().getSpaceDelimitedClaimsList()).containsExactly("scope", "permission");
    assertThat(a.getClearRouteCache()).isTrue();
    assertThat(a.getAudiencesList()).containsExactly("shop");
    assertThat(a.getLocalJwks().getInlineString()).isEqualTo("{\"keys\":[]}");
    assertThat(a.getClaimToHeaders(0).getHeaderName()).isEqualTo("x-sub");
    JwtProvider z = c.getProvidersMap().get("origins-1");
    assertThat(z.getLocalJwks().getInlineString()).isEqualTo("{\"keys\":[1]}");
    assertThat(z.getFromHeaders(0).getValuePrefix()).isEqualTo("Bearer ");
    assertThat(config(read(TWO_ISSUERS), JwksResolver.NONE, ProxyType.SIDECAR).getProvidersMap().get("origins-1")
        .getLocalJwks().getInlineString()).isEqualTo(JwksResolver.UNAVAILABLE_JWKS);
  }

  @Test
  @DisplayName("one rule: requires that provider or a missing token; no rules: no filter")
  void oneOrNone() {
    String one = TWO_ISSUERS.substring(0, TWO_ISSUERS.indexOf("  - issuer: https://a"));
    JwtRequirement req = config(read(one), JwksResolver.NONE, ProxyType.SIDECAR).getRules(0).getRequires();
    assertThat(req.getRequiresAny().getRequirements(0).getProviderName()).isEqualTo("origins-0");
    assertThat(req.getRequiresAny().getRequirements(1).hasAllowMissing()).isTrue();
    assertThat(JwtFilters.http(List.of(), JwksResolver.NONE, AuthzOptions.JwtClaims.JWT_AUTHN, ProxyType.SIDECAR))
        .isEmpty();
  }
}
