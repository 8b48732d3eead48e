package dev.meshwright.xds.route;

import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.StringMatch;
import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.OrMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code HTTPMatchRequest} to Envoy {@code RouteMatch}: the path (exact, prefix, regex; path-separated prefix under
 * ingress and Gateway API semantics), case sensitivity, headers and withoutHeaders (sorted by name; JWT claims
 * {@code @request.auth.claims.*} become dynamic metadata matchers on the jwt_authn payload), then method, authority
 * and scheme as pseudo-header matchers, then query parameters (sorted by name). Stateless.
 */
final class RouteMatches {
  private RouteMatches() {}

  private static final String CLAIMS = "@request.auth.claims";
  private static final String JWT_FILTER = "envoy.filters.http.jwt_authn";

  /** The match-everything route match: prefix {@code /}. */
  static RouteMatch catchAll() {
    return RouteMatch.newBuilder().setPrefix("/").build();
  }

  static RouteMatch of(Optional<HTTPMatchRequest> match, Semantics semantics) {
    if (match.isEmpty()) {
      return catchAll();
    }
    HTTPMatchRequest in = match.get();
    RouteMatch.Builder out = RouteMatch.newBuilder().setPrefix("/");
    List<HeaderMatcher> headers = new ArrayList<>();
    for (Map.Entry<String, StringMatch> h : new TreeMap<>(in.headers()).entrySet()) {
      Optional<MetadataMatcher> claim = claimMatcher(h.getKey(), h.getValue());
      if (claim.isPresent()) {
        out.addDynamicMetadata(claim.get());
      } else {
        headers.add(header(h.getKey(), h.getValue()));
      }
    }
    for (Map.Entry<String, StringMatch> h : new TreeMap<>(in.withoutHeaders()).entrySet()) {
      Optional<MetadataMatcher> claim = claimMatcher(h.getKey(), h.getValue());
      if (claim.isPresent()) {
        out.addDynamicMetadata(claim.get().toBuilder().setInvert(true));
      } else {
        HeaderMatcher.Builder m = header(h.getKey(), h.getValue()).toBuilder().setInvertMatch(true);
        if (!StringMatchers.isPresence(h.getValue())) {
          m.setTreatMissingHeaderAsEmpty(true);
        }
        headers.add(m.build());
      }
    }
    headers.sort(Comparator.comparing(HeaderMatcher::getName));
    out.addAllHeaders(headers);
    in.uri().ifPresent(uri -> path(out, uri, semantics));
    out.setCaseSensitive(BoolValue.of(!in.ignoreUriCase().orElse(false)));
    in.method().ifPresent(m -> out.addHeaders(header(":method", m)));
    in.authority().ifPresent(m -> out.addHeaders(header(":authority", m)));
    in.scheme().ifPresent(m -> out.addHeaders(header(":scheme", m)));
    for (Map.Entry<String, StringMatch> q : new TreeMap<>(in.queryParams()).entrySet()) {
      out.addQueryParameters(query(q.getKey(), q.getValue()));
    }
    return out.build();
  }

  private static void path(RouteMatch.Builder out, StringMatch uri, Semantics semantics) {
    if (uri instanceof StringMatch.Exact e) {
      out.setPath(e.value());
    } else if (uri instanceof StringMatch.Prefix p) {
      if (semantics != Semantics.ISTIO && !p.value().equals("/")) {
        String v = p.value().endsWith("/") ? p.value().substring(0, p.value().length() - 1) : p.value();
        out.setPathSeparatedPrefix(v);
      } else {
        out.setPrefix(p.value());
      }
    } else if (uri instanceof StringMatch.Regex r) {
      out.setSafeRegex(StringMatchers.regex(r.value()));
    }
  }

  static HeaderMatcher header(String name, StringMatch in) {
    HeaderMatcher.Builder out = HeaderMatcher.newBuilder().setName(name);
    if (StringMatchers.isPresence(in)) {
      return out.setPresentMatch(true).build();
    }
    StringMatchers.of(in).ifPresent(out::setStringMatch);
    return out.build();
  }

  private static QueryParameterMatcher query(String name, StringMatch in) {
    QueryParameterMatcher.Builder out = QueryParameterMatcher.newBuilder().setName(name);
    if (StringMatchers.isPresence(in)) {
      return out.setPresentMatch(true).build();
    }
    StringMatchers.of(in).ifPresent(out::setStringMatch);
    return out.build();
  }

  /** A JWT claim header ({@code @request.auth.claims.a.b} or {@code @request.auth.claims[a][b]}) as a matcher. */
  private static Optional<MetadataMatcher> claimMatcher(String name, StringMatch in) {
    if (!name.toLowerCase(Locale.ROOT).startsWith(CLAIMS)) {
      return Optional.empty();
    }
    String rest = name.substring(CLAIMS.length());
    List<String> claims;
    if (rest.startsWith(".") && rest.length() > 1) {
      claims = List.of(rest.substring(1).split("\\.", -1));
    } else if (rest.startsWith("[") && rest.endsWith("]") && rest.length() > 2) {
      claims = List.of(rest.substring(1, rest.length() - 1).split("\\]\\[", -1));
    } else {
      return Optional.empty();
    }
    ValueMatcher.Builder value = ValueMatcher.newBuilder();
    StringMatchers.of(in).ifPresent(value::setStringMatch);
    MetadataMatcher.Builder out = MetadataMatcher.newBuilder().setFilter(JWT_FILTER)
        .addPath(MetadataMatcher.PathSegment.newBuilder().setKey("payload"));
    claims.forEach(c -> out.addPath(MetadataMatcher.PathSegment.newBuilder().setKey(c)));
    ValueMatcher list = ValueMatcher.newBuilder()
        .setListMatch(ListMatcher.newBuilder().setOneOf(value)).build();
    out.setValue(ValueMatcher.newBuilder()
        .setOrMatch(OrMatcher.newBuilder().addValueMatchers(list).addValueMatchers(value)));
    return Optional.of(out.build());
  }

  /** Whether {@code r} matches every request: prefix {@code /} (or regex {@code .*}) and no other condition. */
  static boolean isCatchAll(RouteMatch m) {
    boolean all = switch (m.getPathSpecifierCase()) {
      case PREFIX -> m.getPrefix().equals("/");
      case PATH_SEPARATED_PREFIX -> m.getPathSeparatedPrefix().equals("/");
      case SAFE_REGEX -> m.getSafeRegex().getRegex().equals(".*");
      default -> false;
    };
    return all && m.getHeadersCount() == 0 && m.getQueryParametersCount() == 0 && m.getDynamicMetadataCount() == 0;
  }
}
