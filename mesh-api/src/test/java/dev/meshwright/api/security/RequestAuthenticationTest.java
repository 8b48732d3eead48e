package dev.meshwright.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestAuthenticationTest {
  private static RequestAuthentication withRule(JWTRule rule) {
    return RequestAuthentication.builder()
        .metadata(ObjectMeta.of("jwt", "foo"))
        .spec(RequestAuthenticationSpec.builder().addJwtRule(rule).build())
        .build();
  }

  private static List<String> errors(RequestAuthentication r) {
    return MeshValidator.create().validate(r).stream().filter(Diagnostic::isError)
        .map(d -> d.path() + ": " + d.message()).toList();
  }

  @Test
  @DisplayName("a JWT rule round-trips through YAML, timeout as an Istio duration")
  void roundTrip() {
    RequestAuthentication r = withRule(JWTRule.builder()
        .issuer("https://accounts.example.com")
        .addAudience("bookinfo")
        .jwksUri("https://accounts.example.com/jwks.json")
        .addFromHeader(JWTHeader.of("x-jwt", "Bearer "))
        .addFromCookie("session")
        .addOutputClaimToHeader(ClaimToHeader.of("x-sub", "sub"))
        .forwardOriginalToken(true)
        .timeout(Duration.ofMillis(1500))
        .build());
    String yaml = MeshYaml.standard().writeYaml(r);
    assertThat(yaml).contains("timeout: 1.5s", "jwksUri: https://accounts.example.com/jwks.json");
    ReadResult back = MeshYaml.read("ra.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(r);
    assertThat(errors(r)).isEmpty();
  }

  @Test
  @DisplayName("the proto field name jwks_uri is read as jwksUri")
  void snakeCaseJwksUri() {
    ReadResult read = MeshYaml.read("ra.yaml", """
        apiVersion: security.istio.io/v1beta1
        kind: RequestAuthentication
        metadata: {name: jwt, namespace: foo}
        spec:
          jwtRules:
          - issuer: example.com
            jwks_uri: http://example.com/keys
        """);
    assertThat(read.diagnostics()).isEmpty();
    RequestAuthentication r = (RequestAuthentication) read.resources().get(0);
    assertThat(r.spec().jwtRules().get(0).jwksUri()).contains("http://example.com/keys");
  }

  @Test
  @DisplayName("jwksUri errors use Go's URL wording; claim headers follow Envoy's header value grammar")
  void messages() {
    assertThat(errors(withRule(JWTRule.builder().issuer("i").jwksUri("https://foo.com:80a/x").build())))
        .containsExactly("spec.jwtRules[0].jwksUri: parse \"https://foo.com:80a/x\": invalid port \":80a\" after host");
    assertThat(errors(withRule(JWTRule.builder().issuer("i").jwksUri("ftp://foo.com").build())))
        .containsExactly("spec.jwtRules[0].jwksUri: URI scheme \"ftp\" is not supported");
    assertThat(errors(withRule(JWTRule.builder().issuer("i")
        .addOutputClaimToHeader(ClaimToHeader.of("x-%VAR", "sub")).build())))
        .containsExactly("spec.jwtRules[0].outputClaimToHeaders[0].header: header value configuration: "
            + "invalid header configuration. Un-terminated variable expression 'x-%VAR'");
    assertThat(errors(withRule(JWTRule.builder().jwks("{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\"}]}").build())))
        .containsExactly("spec.jwtRules[0].issuer: issuer must be set",
            "spec.jwtRules[0].jwks: jwks parse error: failed to unmarshal JWK: required field n is missing");
  }

  @Test
  @DisplayName("dry-run is rejected on RequestAuthentication with Istio's wording")
  void dryRun() {
    RequestAuthentication r = RequestAuthentication.builder()
        .metadata(ObjectMeta.builder().name("jwt").namespace("foo").putAnnotation("istio.io/dry-run", "true").build())
        .spec(RequestAuthenticationSpec.builder().build())
        .build();
    assertThat(errors(r)).containsExactly("metadata.annotations[istio.io/dry-run]: foo/jwt has unsupported "
        + "annotation istio.io/dry-run, please remove the annotation");
  }
}
