package dev.meshwright.api.security;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.GoUrl;
import dev.meshwright.api.validation.HeaderValues;
import dev.meshwright.api.validation.PolicyTargets;

/**
 * Istio's RequestAuthentication rules: selector or target references, and for every JWT rule an issuer,
 * non-empty audiences and token locations, a JWKS URI that parses as an http(s) URL, an inline JWKS that
 * parses, and claim-to-header mappings with both parts and a valid header. Stateless.
 */
final class RequestAuthenticationValidator implements Validator<RequestAuthentication> {
  @Override
  public void validate(RequestAuthentication resource, Problems problems) {
    RequestAuthenticationSpec spec = resource.spec();
    Problems p = problems.at("spec");
    PolicyTargets.check(spec.selector(), spec.targetRef(), spec.targetRefs(), p);
    for (int i = 0; i < spec.jwtRules().size(); i++) {
      jwtRule(spec.jwtRules().get(i), p.at("jwtRules", i));
    }
  }

  private static void jwtRule(JWTRule rule, Problems p) {
    if (rule.issuer().orElse("").isEmpty()) {
      p.at("issuer").error("issuer must be set");
    }
    for (int i = 0; i < rule.audiences().size(); i++) {
      if (rule.audiences().get(i).isEmpty()) {
        p.at("audiences", i).error("audience must be non-empty string");
      }
    }
    rule.jwksUri().filter(u -> !u.isEmpty()).ifPresent(u -> jwksUri(u, p.at("jwksUri")));
    rule.jwks().filter(j -> !j.isEmpty()).ifPresent(j ->
        Jwks.parseError(j).ifPresent(e -> p.at("jwks").error("jwks parse error: " + e)));
    for (int i = 0; i < rule.fromHeaders().size(); i++) {
      if (rule.fromHeaders().get(i).name().orElse("").isEmpty()) {
        p.at("fromHeaders", i).at("name").error("location header name must be non-empty string");
      }
    }
    for (int i = 0; i < rule.fromParams().size(); i++) {
      if (rule.fromParams().get(i).isEmpty()) {
        p.at("fromParams", i).error("location query must be non-empty string");
      }
    }
    for (int i = 0; i < rule.fromCookies().size(); i++) {
      if (rule.fromCookies().get(i).isEmpty()) {
        p.at("fromCookies", i).error("cookie name must be non-empty string");
      }
    }
    for (int i = 0; i < rule.outputClaimToHeaders().size(); i++) {
      ClaimToHeader c = rule.outputClaimToHeaders().get(i);
      Problems cp = p.at("outputClaimToHeaders", i);
      String header = c.header().orElse("");
      if (header.isEmpty() || c.claim().orElse("").isEmpty()) {
        cp.error("outputClaimToHeaders header and claim value must be non-empty string");
        continue;
      }
      HeaderValues.check(header).ifPresent(cp.at("header")::error);
    }
  }

  /** The URI must parse (Go's wording) and use http or https. */
  private static void jwksUri(String uri, Problems p) {
    GoUrl.Parsed parsed = GoUrl.parse(uri);
    if (parsed.url().isEmpty()) {
      p.error(parsed.error());
      return;
    }
    GoUrl url = parsed.url().get();
    if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
      p.error("URI scheme " + Checks.quote(url.scheme()) + " is not supported");
      return;
    }
    String port = url.port();
    if (!port.isEmpty() && (port.length() > 18)) {
      p.error("strconv.Atoi: parsing " + Checks.quote(port) + ": value out of range");
    }
  }
}
