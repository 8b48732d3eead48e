package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.Regexes;
import java.util.Map;
import java.util.Optional;

/**
 * Istio's EnvoyFilter rules: the standing warning, selector labels, and per patch an applyTo, an
 * operation, a value unless removing, a proxy version that compiles as RE2, a match of the class the
 * applyTo needs, well-formed filter matches, and {@code @type} URLs of known (v3) Envoy types.
 */
final class EnvoyFilterValidator implements Validator<EnvoyFilter> {
  static final String HCM = "envoy.filters.network.http_connection_manager";

  /** Deprecated filter names Istio still resolves, mapped to the canonical names. */
  private static final Map<String, String> DEPRECATED_NAMES = Map.ofEntries(
      Map.entry("envoy.buffer", "envoy.filters.http.buffer"),
      Map.entry("envoy.cors", "envoy.filters.http.cors"),
      Map.entry("envoy.csrf", "envoy.filters.http.csrf"),
      Map.entry("envoy.http_dynamo_filter", "envoy.filters.http.dynamo"),
      Map.entry("envoy.ext_authz", "envoy.filters.network.ext_authz"),
      Map.entry("envoy.fault", "envoy.filters.http.fault"),
      Map.entry("envoy.grpc_http1_bridge", "envoy.filters.http.grpc_http1_bridge"),
      Map.entry("envoy.grpc_json_transcoder", "envoy.filters.http.grpc_json_transcoder"),
      Map.entry("envoy.grpc_web", "envoy.filters.http.grpc_web"),
      Map.entry("envoy.gzip", "envoy.filters.http.gzip"),
      Map.entry("envoy.health_check", "envoy.filters.http.health_check"),
      Map.entry("envoy.ip_tagging", "envoy.filters.http.ip_tagging"),
      Map.entry("envoy.lua", "envoy.filters.http.lua"),
      Map.entry("envoy.rate_limit", "envoy.filters.http.ratelimit"),
      Map.entry("envoy.router", "envoy.filters.http.router"),
      Map.entry("envoy.squash", "envoy.filters.http.squash"),
      Map.entry("envoy.listener.http_inspector", "envoy.filters.listener.http_inspector"),
      Map.entry("envoy.listener.original_dst", "envoy.filters.listener.original_dst"),
      Map.entry("envoy.listener.original_src", "envoy.filters.listener.original_src"),
      Map.entry("envoy.listener.proxy_protocol", "envoy.filters.listener.proxy_protocol"),
      Map.entry("envoy.listener.tls_inspector", "envoy.filters.listener.tls_inspector"),
      Map.entry("envoy.client_ssl_auth", "envoy.filters.network.client_ssl_auth"),
      Map.entry("envoy.http_connection_manager", HCM),
      Map.entry("envoy.mongo_proxy", "envoy.filters.network.mongo_proxy"),
      Map.entry("envoy.ratelimit", "envoy.filters.network.ratelimit"),
      Map.entry("envoy.redis_proxy", "envoy.filters.network.redis_proxy"),
      Map.entry("envoy.tcp_proxy", "envoy.filters.network.tcp_proxy"));

  @Override
  public void validate(EnvoyFilter resource, Problems problems) {
    EnvoyFilterSpec spec = resource.spec();
    Problems p = problems.at("spec");
    p.warning("EnvoyFilter exposes internal implementation details that may change at any time. "
        + "Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.");
    if (spec.workloadSelector().isPresent()) {
      Problems at = p.at("workloadSelector");
      int before = at.count();
      Checks.workloadSelector(spec.workloadSelector().get().labels(), at);
      if (at.count() > before) {
        return;
      }
      if (spec.workloadSelector().get().labels().isEmpty()) {
        at.warning("Envoy filter: workload selector specified without labels, will be applied to all services in namespace");
      }
    }
    for (int i = 0; i < spec.configPatches().size(); i++) {
      configPatch(spec.configPatches().get(i), p.at("configPatches", i));
    }
  }

  private static void configPatch(EnvoyFilterConfigObjectPatch cp, Problems p) {
    ApplyTo applyTo = cp.applyTo().orElse(ApplyTo.INVALID);
    if (applyTo == ApplyTo.INVALID) {
      p.at("applyTo").error("Envoy filter: missing applyTo");
      return;
    }
    if (cp.patch().isEmpty()) {
      p.at("patch").error("Envoy filter: missing patch");
      return;
    }
    EnvoyFilterPatch patch = cp.patch().get();
    EnvoyFilterPatch.Operation operation = patch.operation().orElse(EnvoyFilterPatch.Operation.INVALID);
    if (operation == EnvoyFilterPatch.Operation.INVALID) {
      p.at("patch").at("operation").error("Envoy filter: missing patch operation");
      return;
    }
    if (operation != EnvoyFilterPatch.Operation.REMOVE && patch.value().isEmpty()) {
      p.at("patch").at("value").error("Envoy filter: missing patch value for non-remove operation");
      return;
    }
    Optional<EnvoyFilterConfigObjectMatch> match = cp.match();
    Optional<String> version = match.flatMap(EnvoyFilterConfigObjectMatch::proxy)
        .flatMap(EnvoyFilterProxyMatch::proxyVersion).filter(v -> !v.isEmpty());
    if (version.isPresent()) {
      Optional<String> regexError = Regexes.re2Error(version.get());
      if (regexError.isPresent()) {
        p.at("match").at("proxy").at("proxyVersion")
            .error("Envoy filter: invalid regex for proxy version, [" + regexError.get() + "]");
        return;
      }
    }
    if (match.isPresent() && !matchLinesUp(applyTo, match.get(), p.at("match"))) {
      return;
    }
    patch.value().ifPresent(value -> EnvoyFilterTypeUrls.check(applyTo, value, p.at("patch").at("value")));
  }

  /** Checks that the match class fits the applyTo; false when the rest of the patch should be skipped. */
  private static boolean matchLinesUp(ApplyTo applyTo, EnvoyFilterConfigObjectMatch match, Problems p) {
    boolean hasObjectMatch = match.listener().isPresent() || match.routeConfiguration().isPresent()
        || match.cluster().isPresent();
    if (!hasObjectMatch) {
      return true;
    }
    switch (applyTo) {
      case LISTENER, FILTER_CHAIN, NETWORK_FILTER, HTTP_FILTER -> {
        if (match.listener().isEmpty()) {
          p.error("Envoy filter: applyTo for listener class objects cannot have non listener match");
          return false;
        }
        Optional<EnvoyFilterFilterMatch> filter =
            match.listener().get().filterChain().flatMap(EnvoyFilterFilterChainMatch::filter);
        if (filter.isPresent()) {
          return filterMatch(applyTo, filter.get(), p.at("listener").at("filterChain").at("filter"));
        }
      }
      case ROUTE_CONFIGURATION, VIRTUAL_HOST, HTTP_ROUTE -> {
        if (match.routeConfiguration().isEmpty()) {
          p.error("Envoy filter: applyTo for http route class objects cannot have non route configuration match");
        }
      }
      case CLUSTER -> {
        if (match.cluster().isEmpty()) {
          p.error("Envoy filter: applyTo for cluster class objects cannot have non cluster match");
        }
      }
      default -> {
        // EXTENSION_CONFIG, BOOTSTRAP and LISTENER_FILTER accept any match
      }
    }
    return true;
  }

  private static boolean filterMatch(ApplyTo applyTo, EnvoyFilterFilterMatch filter, Problems p) {
    if (applyTo == ApplyTo.LISTENER || applyTo == ApplyTo.FILTER_CHAIN) {
      p.warning("Envoy filter: filter match has no effect when used with " + applyTo);
    }
    String name = filter.name().orElse("");
    if (name.isEmpty()) {
      p.at("name").error("Envoy filter: filter match has no name to match on");
      return false;
    }
    if (filter.subFilter().isPresent()) {
      if (applyTo != ApplyTo.HTTP_FILTER) {
        p.at("subFilter").error("Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only");
        return false;
      }
      if (!name.equals(HCM) && !name.equals("envoy.http_connection_manager")) {
        p.at("subFilter").error("Envoy filter: subfilter match requires filter match with " + HCM);
        return false;
      }
      if (filter.subFilter().get().name().orElse("").isEmpty()) {
        p.at("subFilter").at("name").error("Envoy filter: subfilter match has no name to match on");
        return false;
      }
    }
    deprecatedName(name, p.at("name"));
    filter.subFilter().flatMap(EnvoyFilterSubFilterMatch::name)
        .ifPresent(sub -> deprecatedName(sub, p.at("subFilter").at("name")));
    return true;
  }

  private static void deprecatedName(String name, Problems p) {
    String canonical = DEPRECATED_NAMES.get(name);
    if (canonical != null) {
      p.warning("using deprecated filter name " + Checks.quote(name) + "; use " + Checks.quote(canonical) + " instead");
    }
  }
}
