package dev.meshwright.xds.authz;

import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Request principals ({@code issuer/subject}) as matchers on jwt_authn's payload: the issuer part on {@code iss}, the
 * subject part on {@code sub}, split at the last {@code /}; a {@code *} on either side matches any non-empty value.
 * Stateless.
 */
final class JwtPrincipals {
  private static final StringMatcher ANY = Matchers.regex(".+");

  private JwtPrincipals() {}

  /** One principal per value (ORed when several), each the AND of its issuer and subject matchers. */
  static Principal requestPrincipals(List<String> values) {
    List<Principal> or = new ArrayList<>(values.size());
    for (String value : values) {
      or.add(Rbac.principalAnd(List.of(Attribute.payloadClaim("iss", issuer(value)),
          Attribute.payloadClaim("sub", subject(value)))));
    }
    return or.size() == 1 ? or.get(0) : Rbac.principalOr(or);
  }

  private static StringMatcher issuer(String value) {
    int slash = value.lastIndexOf('/');
    String iss = slash >= 0 ? value.substring(0, slash) : value;
    if (value.equals("*")) {
      return ANY;
    }
    if (value.startsWith("*")) {
      if (slash < 0 || iss.equals("*")) {
        return ANY;
      }
      return Matchers.suffix(iss.substring(1), false);
    }
    if (value.endsWith("*")) {
      return slash >= 0 ? Matchers.exact(iss, false) : Matchers.prefix(value.substring(0, value.length() - 1), false);
    }
    return Matchers.exact(iss, false);
  }

  private static StringMatcher subject(String value) {
    int slash = value.lastIndexOf('/');
    String sub = slash >= 0 ? value.substring(slash + 1) : "";
    if (value.equals("*")) {
      return ANY;
    }
    if (value.startsWith("*")) {
      return slash >= 0 ? Matchers.exact(sub, false) : Matchers.suffix(value.substring(1), false);
    }
    if (value.endsWith("*")) {
      if (slash < 0 || sub.equals("*")) {
        return ANY;
      }
      return Matchers.prefix(sub.substring(0, sub.length() - 1), false);
    }
    return Matchers.exact(sub, false);
  }
}
