package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.HTTPDirectResponse;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPMirrorPolicy;
import dev.meshwright.api.networking.HTTPRedirect;
import dev.meshwright.api.networking.HTTPRewrite;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.Headers;
import dev.meshwright.api.networking.RegexRewrite;
import dev.meshwright.api.networking.StringMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestMirrorFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts one HTTPRoute rule (already split to at most one match) into an Istio HTTP route: matches,
 * header/redirect/rewrite/mirror filters, timeouts and weighted destinations. Stateless.
 */
final class HttpRules {
  private HttpRules() {}

  /**
   * A converted rule.
   *
   * @param route the route, or null on a hard error
   * @param error the problem (hard, or a dropped backend), or null
   */
  record Converted(HTTPRoute route, ConfigError error) {}

  static Converted convert(ConversionContext ctx, HTTPRouteRule rule, HTTPRouteMatch match, String ns, String name,
      int pos, boolean enforceRefGrant) {
    HTTPRoute.Builder vs = HTTPRoute.builder().name(ns + "." + name + "." + pos);
    if (match != null) {
      vs.addMatch(match(match));
    }
    Headers headers = null;
    HTTPRedirect redirect = null;
    for (HTTPRouteFilter f : rule.getFilters() == null ? List.<HTTPRouteFilter>of() : rule.getFilters()) {
      switch (String.valueOf(f.getType())) {
        case "RequestHeaderModifier" -> {
          if (f.getRequestHeaderModifier() != null) {
            headers = HeaderFilters.with(headers, true, HeaderFilters.operations(f.getRequestHeaderModifier()));
          }
        }
        case "ResponseHeaderModifier" -> {
          if (f.getResponseHeaderModifier() != null) {
            headers = HeaderFilters.with(headers, false, HeaderFilters.operations(f.getResponseHeaderModifier()));
          }
        }
        case "RequestRedirect" -> redirect = redirect(f.getRequestRedirect());
        case "RequestMirror" -> {
          HTTPRequestMirrorFilter m = f.getRequestMirror();
          if (m != null) {
            Destinations.Resolved d = Destinations.resolve(ctx, Backend.of(m.getBackendRef()), ns, enforceRefGrant, "HTTPRoute");
            if (d.error() != null) {
              return new Converted(null, d.error());
            }
            vs.addMirror(HTTPMirrorPolicy.to(d.destination()));
          }
        }
        case "URLRewrite" -> {
          HTTPRewrite rw = rewrite(f.getUrlRewrite());
          if (rw != null) {
            vs.rewrite(rw);
          }
        }
        default -> {
          return new Converted(null, new ConfigError(ConfigError.INVALID_FILTER,
              "unsupported filter type \"" + f.getType() + "\""));
        }
      }
    }
    if (headers != null) {
      vs.headers(headers);
    }
    if (redirect != null) {
      vs.redirect(redirect);
    }
    if (rule.getTimeouts() != null) {
      Duration request = GoDuration.parse(rule.getTimeouts().getRequest());
      if (!request.isZero()) {
        vs.timeout(request);
      }
      Duration backend = GoDuration.parse(rule.getTimeouts().getBackendRequest());
      if (!backend.isZero()) {
        vs.timeout(backend);
      }
    }
    List<Backend> backends = rule.getBackendRefs() == null ? List.of()
        : rule.getBackendRefs().stream().map(Backend::of).toList();
    if (Backend.weightSum(backends) == 0 && redirect == null) {
      vs.directResponse(HTTPDirectResponse.of(500));
      return new Converted(vs.build(), null);
    }
    RouteDestinations.Built<HTTPRouteDestination> dest = RouteDestinations.http(ctx, backends, ns, enforceRefGrant, "HTTPRoute");
    if (dest.hardError() != null) {
      return new Converted(null, dest.hardError());
    }
    vs.route(dest.destinations());
    return new Converted(vs.build(), dest.invalidBackend());
  }

  static HTTPMatchRequest match(HTTPRouteMatch m) {
    HTTPMatchRequest.Builder b = HTTPMatchRequest.builder();
    String type = m.getPath() == null || m.getPath().getType() == null ? "PathPrefix" : m.getPath().getType();
    String dest = m.getPath() == null || m.getPath().getValue() == null ? "/" : m.getPath().getValue();
    switch (type) {
      case "Exact" -> b.uri(StringMatch.exact(dest));
      case "RegularExpression" -> b.uri(StringMatch.regex(dest));
      default -> {
        if (!dest.equals("/") && dest.endsWith("/")) {
          dest = dest.substring(0, dest.length() - 1);
        }
        b.uri(StringMatch.prefix(dest));
      }
    }
    b.putAllHeaders(headerMatches(m.getHeaders()));
    Map<String, StringMatch> qp = new LinkedHashMap<>();
    if (m.getQueryParams() != null) {
      for (HTTPQueryParamMatch q : m.getQueryParams()) {
        if (q.getName() != null) {
          qp.put(q.getName(), stringMatch(q.getType(), q.getValue()));
        }
      }
    }
    b.putAllQueryParams(qp);
    if (m.getMethod() != null) {
      b.method(StringMatch.exact(m.getMethod()));
    }
    return b.build();
  }

  static Map<String, StringMatch> headerMatches(List<? extends HTTPHeaderMatch> headers) {
    Map<String, StringMatch> out = new LinkedHashMap<>();
    if (headers != null) {
      for (HTTPHeaderMatch h : headers) {
        if (h.getName() != null) {
          out.put(h.getName(), stringMatch(h.getType(), h.getValue()));
        }
      }
    }
    return out;
  }

  /** An exact match unless {@code type} is {@code RegularExpression}; a missing value matches the empty string. */
  static StringMatch stringMatch(String type, String value) {
    String v = value == null ? "" : value;
    return "RegularExpression".equals(type) ? StringMatch.regex(v) : StringMatch.exact(v);
  }

  private static HTTPRedirect redirect(HTTPRequestRedirectFilter f) {
    if (f == null) {
      return null;
    }
    HTTPRedirect.Builder b = HTTPRedirect.builder();
    if (f.getStatusCode() != null) {
      b.redirectCode(f.getStatusCode());
    }
    if (f.getHostname() != null) {
      b.authority(f.getHostname());
    }
    if (f.getScheme() != null) {
      b.scheme(f.getScheme());
    }
    if (f.getPort() != null) {
      b.port(f.getPort());
    } else if (f.getScheme() == null) {
      b.derivePort(HTTPRedirect.RedirectPortSelection.FROM_REQUEST_PORT);
    }
    HTTPPathModifier p = f.getPath();
    if (p != null) {
      if ("ReplaceFullPath".equals(p.getType())) {
        b.uri(p.getReplaceFullPath());
      } else if ("ReplacePrefixMatch".equals(p.getType())) {
        b.uri("%PREFIX()%" + p.getReplacePrefixMatch());
      }
    }
    return b.build();
  }

  private static HTTPRewrite rewrite(HTTPURLRewriteFilter f) {
    if (f == null) {
      return null;
    }
    HTTPRewrite.Builder b = HTTPRewrite.builder();
    boolean any = false;
    HTTPPathModifier p = f.getPath();
    if (p != null && "ReplacePrefixMatch".equals(p.getType())) {
      String uri = p.getReplacePrefixMatch() == null ? "" : p.getReplacePrefixMatch();
      if (uri.endsWith("/")) {
        uri = uri.substring(0, uri.length() - 1);
      }
      b.uri(uri.isEmpty() ? "/" : uri);
      any = true;
    } else if (p != null && "ReplaceFullPath".equals(p.getType())) {
      b.uriRegexRewrite(RegexRewrite.of("/.*", p.getReplaceFullPath()));
      any = true;
    }
    if (f.getHostname() != null) {
      b.authority(f.getHostname());
      any = true;
    }
    return any ? b.build() : null;
  }
}
