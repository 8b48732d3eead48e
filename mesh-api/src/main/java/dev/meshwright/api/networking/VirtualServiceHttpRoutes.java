package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.Regexes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Istio's rules for one HTTP route of a VirtualService: what it does, its matches and its features. */
final class VirtualServiceHttpRoutes {

  private VirtualServiceHttpRoutes() {}

  /** The role of a route: plain, a root that delegates, or inside a delegate VirtualService. */
  enum RouteRole {
    INDEPENDENT,
    ROOT,
    DELEGATE
  }

  static void validate(HTTPRoute http, RouteRole role, VirtualServiceChecks.RouteSemantics semantics, Problems p) {
    RouteRole effective = role == RouteRole.DELEGATE ? RouteRole.DELEGATE
        : http.delegate().isPresent() ? RouteRole.ROOT : RouteRole.INDEPENDENT;
    conflicts(http, effective, p);
    for (int i = 0; i < http.match().size(); i++) {
      match(http.match().get(i), p.at("match").index(i));
    }
    http.headers().ifPresent(h -> VirtualServiceChecks.headers(h, p.at("headers")));
    http.corsPolicy().ifPresent(c -> VirtualServiceFeatures.cors(c, p.at("corsPolicy")));
    http.fault().ifPresent(f -> VirtualServiceFeatures.fault(f, p.at("fault")));
    http.mirrorPercent().ifPresent(v -> {
      if (Integer.toUnsignedLong(v) > 100) {
        p.at("mirrorPercent").error("mirror_percent must have a max value of 100 (it has "
            + Integer.toUnsignedString(v) + ")");
      }
      p.at("mirrorPercent").warning("using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead");
    });
    http.mirrorPercentage().ifPresent(m -> {
      double v = m.value().orElse(0.0);
      if (v > 100) {
        p.at("mirrorPercentage").error("mirror_percentage must have a max value of 100 (it has "
            + VirtualServiceChecks.goFixed(v) + ")");
      }
      if (v < 0) {
        p.at("mirrorPercentage").error("mirror_percentage must have a min value of 0 (it has "
            + VirtualServiceChecks.goFixed(v) + ")");
      }
    });
    http.mirror().ifPresent(d -> VirtualServiceChecks.destination(d, p.at("mirror")));
    mirrors(http.mirrors(), p.at("mirrors"));
    http.redirect().ifPresent(r -> redirect(r, p.at("redirect")));
    http.directResponse().ifPresent(d -> directResponse(d, p.at("directResponse")));
    http.retries().ifPresent(r -> VirtualServiceFeatures.retries(r, p.at("retries")));
    http.rewrite().ifPresent(r -> rewrite(r, p.at("rewrite")));
    authorityRewrite(http, p);
    destinations(http.route(), semantics, p.at("route"));
    http.timeout().ifPresent(t -> Checks.duration(t, p.at("timeout")));
  }

  private static void conflicts(HTTPRoute http, RouteRole role, Problems p) {
    String name = http.name().orElse("");
    if (role == RouteRole.ROOT) {
      if (http.redirect().isPresent()) {
        p.at("redirect").error("root HTTP route " + name + " must not specify redirect");
      }
      if (!http.route().isEmpty()) {
        p.at("route").error("root HTTP route " + name + " must not specify route");
      }
      return;
    }
    if (role == RouteRole.DELEGATE && http.delegate().isPresent()) {
      p.at("delegate").error("delegate HTTP route cannot contain delegate");
    }
    if (http.redirect().isPresent()) {
      if (!http.route().isEmpty()) {
        p.error("HTTP route cannot contain both route and redirect");
      }
      if (http.fault().isPresent()) {
        p.error("HTTP route cannot contain both fault and redirect");
      }
      if (http.rewrite().isPresent()) {
        p.error("HTTP route rule cannot contain both rewrite and redirect");
      }
      if (http.directResponse().isPresent()) {
        p.error("HTTP route rule cannot contain both direct_response and redirect");
      }
    } else if (http.directResponse().isPresent()) {
      if (!http.route().isEmpty()) {
        p.error("HTTP route cannot contain both route and direct_response");
      }
      if (http.fault().isPresent()) {
        p.error("HTTP route cannot contain both fault and direct_response");
      }
      if (http.rewrite().isPresent()) {
        p.error("HTTP route rule cannot contain both rewrite and direct_response");
      }
    } else if (http.route().isEmpty()) {
      p.error("HTTP route, redirect or direct_response is required");
    }
    if (http.mirror().isPresent() && !http.mirrors().isEmpty()) {
      p.error("HTTP route cannot contain both mirror and mirrors");
    }
  }

  private static void match(HTTPMatchRequest m, Problems p) {
    new TreeMap<>(m.headers()).forEach((name, value) -> {
      Problems at = p.at("headers").key(name);
      if (name.isEmpty()) {
        at.error("header name cannot be empty");
      }
      VirtualServiceChecks.stringMatch(value, "headers", at);
    });
    new TreeMap<>(m.withoutHeaders()).forEach((name, value) -> {
      Problems at = p.at("withoutHeaders").key(name);
      if (name.isEmpty()) {
        at.error("header name cannot be empty");
      }
      // A bare "*" regex means "present" here, not an RE2 expression.
      if (!(value instanceof StringMatch.Regex r && r.value().equals("*"))) {
        VirtualServiceChecks.stringMatch(value, "withoutHeaders", at);
      }
    });
    m.uri().ifPresent(u -> VirtualServiceChecks.regexMatch(u, "uri", p.at("uri")));
    m.scheme().ifPresent(s -> VirtualServiceChecks.stringMatch(s, "scheme", p.at("scheme")));
    m.method().ifPresent(s -> VirtualServiceChecks.stringMatch(s, "method", p.at("method")));
    m.authority().ifPresent(s -> VirtualServiceChecks.stringMatch(s, "authority", p.at("authority")));
    new TreeMap<>(m.queryParams()).forEach(
        (name, value) -> VirtualServiceChecks.stringMatch(value, "queryParams", p.at("queryParams").key(name)));
    m.port().filter(port -> port != 0).ifPresent(port -> Checks.port(Integer.toUnsignedLong(port), p.at("port")));
    Checks.labels(m.sourceLabels(), p.at("sourceLabels"));
    VirtualServiceChecks.gatewayNames(m.gateways(), VirtualServiceChecks.RouteSemantics.ISTIO, p.at("gateways"));
    m.sourceNamespace().filter(ns -> !ns.isEmpty() && !Checks.isDns1123Label(ns))
        .ifPresent(ns -> p.at("sourceNamespace").error("sourceNamespace match " + ns + " is invalid"));
  }

  private static void mirrors(List<HTTPMirrorPolicy> mirrors, Problems p) {
    for (int i = 0; i < mirrors.size(); i++) {
      HTTPMirrorPolicy mirror = mirrors.get(i);
      Problems at = p.index(i);
      if (mirror.destination().isEmpty()) {
        at.at("destination").error("destination is required for mirrors");
        continue;
      }
      VirtualServiceChecks.destination(mirror.destination().get(), at.at("destination"));
      mirror.percentage().ifPresent(pct -> {
        double v = pct.value().orElse(0.0);
        if (v > 100) {
          at.at("percentage").error("mirror percentage must have a max value of 100 (it has "
              + VirtualServiceChecks.goFixed(v) + ")");
        }
        if (v < 0) {
          at.at("percentage").error("mirror percentage must have a min value of 0 (it has "
              + VirtualServiceChecks.goFixed(v) + ")");
        }
      });
    }
  }

  /** Istio reports only the first redirect problem. */
  private static void redirect(HTTPRedirect r, Problems p) {
    String uri = r.uri().orElse("");
    String authority = r.authority().orElse("");
    String scheme = r.scheme().orElse("");
    int code = r.redirectCode().orElse(0);
    if (uri.isEmpty() && authority.isEmpty() && r.port().isEmpty() && r.derivePort().isEmpty()
        && scheme.isEmpty()) {
      p.error("redirect must specify URI, authority, scheme, or port");
    } else if (code != 0 && (code < 300 || code > 399)) {
      p.at("redirectCode").error(Integer.toUnsignedString(code) + " is not a valid redirect code, must be 3xx");
    } else if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
      p.at("scheme").error("invalid redirect scheme, must be \"http\" or \"https\"");
    } else {
      r.port().filter(port -> port != 0).ifPresent(port -> Checks.port(Integer.toUnsignedLong(port), p.at("port")));
    }
  }

  private static void directResponse(HTTPDirectResponse d, Problems p) {
    d.body().ifPresent(body -> {
      if (body.size() > 1024 * 1024) {
        p.at("body").error("large direct_responses may impact control plane performance, must be less than 1MB");
      } else if (body.size() > 100 * 1024) {
        p.at("body").warning("large direct_responses may impact control plane performance");
      }
    });
    VirtualServiceFeatures.httpStatus(d.status().orElse(0), p.at("status"));
  }

  /** Istio reports only the first rewrite problem. */
  private static void rewrite(HTTPRewrite r, Problems p) {
    String uri = r.uri().orElse("");
    if (!uri.isEmpty() && r.uriRegexRewrite().isPresent()) {
      p.error("rewrite may only contain one of URI or UriRegexRewrite");
      return;
    }
    if (uri.isEmpty() && r.uriRegexRewrite().isEmpty() && r.authority().orElse("").isEmpty()) {
      p.error("rewrite must specify at least one of URI, UriRegexRewrite, or authority. "
          + "Only one of URI or UriRegexRewrite may be specified");
      return;
    }
    r.uriRegexRewrite().ifPresent(rr -> {
      String match = rr.match().orElse("");
      Optional<String> problem = match.isEmpty() || rr.rewrite().orElse("").isEmpty()
          ? Optional.of("UriRegexRewrite requires both Rewrite and Match fields to be specified")
          : Regexes.check(match, "HTTPRewrite.UriRegexRewrite.Match");
      problem.ifPresent(m -> p.at("uriRegexRewrite").error("UriRegexRewrite has errors: " + m));
    });
  }

  /** The authority may be rewritten in one place only: the rewrite, or one request header set/add. */
  private static void authorityRewrite(HTTPRoute http, Problems p) {
    String current = http.rewrite().flatMap(HTTPRewrite::authority).orElse("");
    Optional<Headers.HeaderOperations> request = http.headers().flatMap(Headers::request);
    if (request.isEmpty()) {
      return;
    }
    for (Map<String, String> ops : List.of(request.get().set(), request.get().add())) {
      for (Map.Entry<String, String> e : new TreeMap<>(ops).entrySet()) {
        if (!VirtualServiceChecks.isAuthorityHeader(e.getKey())) {
          continue;
        }
        if (!current.isEmpty()) {
          p.at("headers").error("authority header cannot be set multiple times: have " + Checks.quote(current)
              + ", attempting to set " + Checks.quote(e.getValue()));
          return;
        }
        current = e.getValue();
      }
    }
  }

  private static void destinations(List<HTTPRouteDestination> route, VirtualServiceChecks.RouteSemantics semantics,
      Problems p) {
    for (int i = 0; i < route.size(); i++) {
      HTTPRouteDestination d = route.get(i);
      Problems at = p.index(i);
      if (d.destination().isEmpty()) {
        at.at("destination").error("destination is required");
      }
      d.headers().ifPresent(h -> VirtualServiceChecks.headers(h, at.at("headers")));
      if (semantics == VirtualServiceChecks.RouteSemantics.ISTIO) {
        d.destination().ifPresent(dest -> VirtualServiceChecks.destination(dest, at.at("destination")));
      }
    }
    VirtualServiceChecks.weights(route.stream().map(HTTPRouteDestination::weight).toList(), p);
  }
}
