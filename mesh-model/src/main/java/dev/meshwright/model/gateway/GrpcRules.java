package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.HTTPDirectResponse;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPMirrorPolicy;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.Headers;
import dev.meshwright.api.networking.StringMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.util.List;

/**
 * Converts one GRPCRoute rule (split to at most one match) into an Istio HTTP route; gRPC service/method
 * matches become path matches on {@code /<service>/<method>}. Stateless.
 */
final class GrpcRules {
  private GrpcRules() {}

  static HttpRules.Converted convert(ConversionContext ctx, GRPCRouteRule rule, GRPCRouteMatch match, String ns,
      String name, int pos, boolean enforceRefGrant) {
    HTTPRoute.Builder vs = HTTPRoute.builder().name(ns + "." + name + "." + pos);
    if (match != null) {
      HTTPMatchRequest.Builder m = HTTPMatchRequest.builder();
      GRPCMethodMatch method = match.getMethod();
      if (method != null) {
        if (method.getMethod() == null && method.getService() == null) {
          return new HttpRules.Converted(null, new ConfigError(ConfigError.INVALID_CONFIGURATION,
              "gRPC match must have method or service defined"));
        }
        m.uri(uri(method));
      }
      if (match.getHeaders() != null) {
        for (GRPCHeaderMatch h : match.getHeaders()) {
          if (h.getName() != null) {
            m.putHeader(h.getName(), HttpRules.stringMatch(h.getType(), h.getValue()));
          }
        }
      }
      vs.addMatch(m.build());
    }
    Headers headers = null;
    for (GRPCRouteFilter f : rule.getFilters() == null ? List.<GRPCRouteFilter>of() : rule.getFilters()) {
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
        case "RequestMirror" -> {
          if (f.getRequestMirror() != null) {
            Destinations.Resolved d = Destinations.resolve(ctx, Backend.of(f.getRequestMirror().getBackendRef()), ns,
                enforceRefGrant, "GRPCRoute");
            if (d.error() != null) {
              return new HttpRules.Converted(null, d.error());
            }
            vs.addMirror(HTTPMirrorPolicy.to(d.destination()));
          }
        }
        default -> {
          return new HttpRules.Converted(null, new ConfigError(ConfigError.INVALID_FILTER,
              "unsupported filter type \"" + f.getType() + "\""));
        }
      }
    }
    if (headers != null) {
      vs.headers(headers);
    }
    List<Backend> backends = rule.getBackendRefs() == null ? List.of()
        : rule.getBackendRefs().stream().map(Backend::of).toList();
    if (Backend.weightSum(backends) == 0) {
      vs.directResponse(HTTPDirectResponse.of(500));
      return new HttpRules.Converted(vs.build(), null);
    }
    RouteDestinations.Built<HTTPRouteDestination> dest = RouteDestinations.http(ctx, backends, ns, enforceRefGrant, "GRPCRoute");
    if (dest.hardError() != null) {
      return new HttpRules.Converted(null, dest.hardError());
    }
    vs.route(dest.destinations());
    return new HttpRules.Converted(vs.build(), dest.invalidBackend());
  }

  private static StringMatch uri(GRPCMethodMatch m) {
    boolean regex = "RegularExpression".equals(m.getType());
    if (m.getMethod() == null) {
      return regex ? StringMatch.regex("/" + m.getService() + "/.+") : StringMatch.prefix("/" + m.getService() + "/");
    }
    if (m.getService() == null) {
      return StringMatch.regex("/[^/]+/" + m.getMethod());
    }
    String path = "/" + m.getService() + "/" + m.getMethod();
    return regex ? StringMatch.regex(path) : StringMatch.exact(path);
  }
}
