package dev.meshwright.xds.authz;

import static dev.meshwright.xds.authz.Matchers.metadata;
import static dev.meshwright.xds.authz.Matchers.metadataList;
import static dev.meshwright.xds.authz.Matchers.string;
import static dev.meshwright.xds.authz.Matchers.value;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.extensions.path.match.uri_template.v3.UriTemplateMatchConfig;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The request attributes an AuthorizationPolicy can test, each knowing how one of its values becomes an Envoy RBAC
 * permission (what is asked for) or principal (who asks). The "extended" forms take all values at once and read
 * jwt_authn's payload metadata. Failures are {@link AuthzException}s: an attribute on the wrong side, an HTTP-only
 * attribute on a TCP chain, a malformed value. Stateless.
 *
 * <p>Metadata is matched with RBAC's deprecated {@code metadata} field, as Istio 1.22 still emits it.
 */
@SuppressWarnings("deprecation")
enum Attribute {
  DESTINATION_IP, DESTINATION_PORT, CONNECTION_SNI, ENVOY_FILTER, SOURCE_IP, REMOTE_IP, SOURCE_NAMESPACE,
  SOURCE_PRINCIPAL, REQUEST_PRINCIPAL, REQUEST_AUDIENCES, REQUEST_PRESENTER, REQUEST_HEADER, REQUEST_CLAIMS, HOST,
  PATH, METHOD;

  static final String ISTIO_AUTHN = "istio_authn";
  static final String JWT_AUTHN = "envoy.filters.http.jwt_authn";
  static final String JWT_PAYLOAD = "payload";
  static final String REQUEST_HEADERS_KEY = "request.headers";
  static final String REQUEST_CLAIMS_KEY = "request.auth.claims";
  private static final String SPIFFE = "spiffe://";

  /** A permission for one value of this attribute. */
  Permission permission(String key, String value, boolean forTcp) {
    return switch (this) {
      case DESTINATION_IP -> Permission.newBuilder().setDestinationIp(Rbac.cidr(value)).build();
      case DESTINATION_PORT -> Permission.newBuilder().setDestinationPort(port(value)).build();
      case CONNECTION_SNI -> Permission.newBuilder().setRequestedServerName(string(value)).build();
      case ENVOY_FILTER -> envoyFilter(key, value);
      case HOST -> Permission.newBuilder().setHeader(Matchers.host(":authority", httpOnly(key, value, forTcp))).build();
      case METHOD -> Permission.newBuilder().setHeader(Matchers.header(":method", httpOnly(key, value, forTcp))).build();
      case PATH -> path(httpOnly(key, value, forTcp));
      default -> throw new AuthzException("unimplemented");
    };
  }

  /** A principal for one value of this attribute, in the legacy (istio_authn) form for request attributes. */
  Principal principal(String key, String value, boolean forTcp, AuthzOptions.PeerIdentity peer) {
    return switch (this) {
      case SOURCE_IP -> Principal.newBuilder().setDirectRemoteIp(Rbac.cidr(value)).build();
      case REMOTE_IP -> Principal.newBuilder().setRemoteIp(Rbac.cidr(value)).build();
      case SOURCE_NAMESPACE ->
          Rbac.peerIdentity(Matchers.regex(".*/ns/" + value.replace("*", ".*") + "/.*"), peer);
      case SOURCE_PRINCIPAL -> Rbac.peerIdentity(Matchers.stringWithPrefix(value, SPIFFE), peer);
      case REQUEST_PRINCIPAL, REQUEST_AUDIENCES, REQUEST_PRESENTER ->
          metadataPrincipal(metadata(ISTIO_AUTHN, key, value(string(httpOnly(key, value, forTcp)))));
      case REQUEST_HEADER -> {
        httpOnly(key, value, forTcp);
        String name = inBrackets(key.substring(REQUEST_HEADERS_KEY.length()));
        yield Principal.newBuilder().setHeader(Matchers.header(name, value)).build();
      }
      case REQUEST_CLAIMS -> {
        httpOnly(key, value, forTcp);
        List<String> path = new ArrayList<>();
        path.add(REQUEST_CLAIMS_KEY);
        path.addAll(nestedBrackets(key.substring(REQUEST_CLAIMS_KEY.length())));
        yield metadataPrincipal(metadataList(ISTIO_AUTHN, path, value(string(value)), Matchers.JwtForm.LIST_ONLY));
      }
      default -> throw new AuthzException("unimplemented");
    };
  }

  /** A permission for all values at once (only envoy filter metadata has one). */
  Permission extendedPermission(String key, List<String> values) {
    if (this != ENVOY_FILTER) {
      throw new AuthzException("unimplemented");
    }
    String[] parts = filterKey(key);
    List<ValueMatcher> matchers = new ArrayList<>();
    for (String v : values) {
      if (v.startsWith("[") && v.endsWith("]")) {
        matchers.add(ValueMatcher.newBuilder()
            .setListMatch(ListMatcher.newBuilder().setOneOf(value(string(trimBrackets(v))))).build());
      } else {
        matchers.add(value(string(v)));
      }
    }
    return Permission.newBuilder().setMetadata(metadata(parts[0], parts[1], Matchers.or(matchers))).build();
  }

  /** A principal for all values at once, reading jwt_authn's payload metadata. */
  Principal extendedPrincipal(String key, List<String> values, boolean forTcp) {
    if (forTcp && (this == REQUEST_PRINCIPAL || this == REQUEST_AUDIENCES || this == REQUEST_PRESENTER
        || this == REQUEST_CLAIMS)) {
      throw new AuthzException("\"" + key + "\" is HTTP only");
    }
    return switch (this) {
      case REQUEST_PRINCIPAL -> JwtPrincipals.requestPrincipals(values);
      case REQUEST_AUDIENCES -> jwtClaim(List.of("aud"), values);
      case REQUEST_PRESENTER -> jwtClaim(List.of("azp"), values);
      case REQUEST_CLAIMS -> jwtClaim(nestedBrackets(key.substring(REQUEST_CLAIMS_KEY.length())), values);
      default -> throw new AuthzException("unimplemented");
    };
  }

  private static Principal jwtClaim(List<String> claims, List<String> values) {
    List<String> path = new ArrayList<>();
    path.add(JWT_PAYLOAD);
    path.addAll(claims);
    return metadataPrincipal(metadataList(JWT_AUTHN, path, Matchers.stringOr(values), Matchers.JwtForm.LIST_OR_VALUE));
  }

  static Principal metadataPrincipal(io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher m) {
    return Principal.newBuilder().setMetadata(m).build();
  }

  private static Permission envoyFilter(String key, String value) {
    String[] parts = filterKey(key);
    if (value.startsWith("[") && value.endsWith("]")) {
      return Permission.newBuilder().setMetadata(metadataList(parts[0], List.of(parts[1]),
          value(string(trimBrackets(value))), Matchers.JwtForm.LIST_ONLY)).build();
    }
    return Permission.newBuilder().setMetadata(metadata(parts[0], parts[1], value(string(value)))).build();
  }

  /** {@code experimental.envoy.filters.a.b[c]} as filter {@code envoy.filters.a.b} and key {@code c}. */
  private static String[] filterKey(String key) {
    String k = key.startsWith("experimental.") ? key.substring("experimental.".length()) : key;
    if (k.endsWith("]")) {
      k = k.substring(0, k.length() - 1);
    }
    int open = k.indexOf('[');
    if (open < 0) {
      throw new AuthzException("invalid key: " + key);
    }
    return new String[] {k.substring(0, open), k.substring(open + 1)};
  }

  /** {@code s} without its leading and trailing square brackets. */
  private static String trimBrackets(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == '[' || s.charAt(b) == ']')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == '[' || s.charAt(e - 1) == ']')) {
      e--;
    }
    return s.substring(b, e);
  }

  private static Permission path(String value) {
    if (value.contains("{*}") || value.contains("{**}")) {
      String template = value.replace("{**}", "**").replace("{*}", "*");
      UriTemplateMatchConfig config = UriTemplateMatchConfig.newBuilder().setPathTemplate(template).build();
      return Permission.newBuilder().setUriTemplate(TypedExtensionConfig.newBuilder()
          .setName("uri-template").setTypedConfig(Any.pack(config))).build();
    }
    return Permission.newBuilder().setUrlPath(Matchers.path(value)).build();
  }

  private String httpOnly(String key, String value, boolean forTcp) {
    if (forTcp) {
      throw new AuthzException("\"" + key + "\" is HTTP only");
    }
    return value;
  }

  private static int port(String value) {
    try {
      long p = Long.parseLong(value);
      if (p >= 0 && p <= 65535 && !value.startsWith("+")) {
        return (int) p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new AuthzException("invalid port " + value);
  }

  /** The name in {@code [name]}. */
  static String inBrackets(String s) {
    if (!s.startsWith("[") || !s.endsWith("]") || s.length() < 2) {
      throw new AuthzException("expecting format [<NAME>], but found " + s);
    }
    return s.substring(1, s.length() - 1);
  }

  /** The names in {@code [a][b]...}; a string that is not such a sequence is read as one {@code [name]}. */
  static List<String> nestedBrackets(String s) {
    List<String> out = new ArrayList<>();
    int begin = 0;
    while (begin < s.length()) {
      int end = endBracket(s, begin);
      if (end < 0) {
        return List.of(inBrackets(s));
      }
      out.add(s.substring(begin + 1, end));
      begin = end + 1;
    }
    return out;
  }

  private static int endBracket(String s, int begin) {
    if (begin >= s.length() || s.charAt(begin) != '[') {
      return -1;
    }
    for (int i = begin + 1; i < s.length(); i++) {
      if (s.charAt(i) == '[') {
        return -1;
      }
      if (s.charAt(i) == ']') {
        return i;
      }
    }
    return -1;
  }

  /** Used by {@link JwtPrincipals}: a string matcher on one jwt_authn payload claim. */
  static Principal payloadClaim(String claim, StringMatcher m) {
    return metadataPrincipal(metadata(JWT_AUTHN, JWT_PAYLOAD, value(m)).toBuilder()
        .addPath(io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher.PathSegment.newBuilder().setKey(claim))
        .build());
  }
}
