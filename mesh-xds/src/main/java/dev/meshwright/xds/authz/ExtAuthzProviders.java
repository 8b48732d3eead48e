package dev.meshwright.xds.authz;

import com.google.protobuf.Duration;
import dev.meshwright.api.mesh.EnvoyExternalAuthorizationGrpcProvider;
import dev.meshwright.api.mesh.EnvoyExternalAuthorizationHttpProvider;
import dev.meshwright.api.mesh.EnvoyExternalAuthorizationRequestBody;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.AuthorizationRequest;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.AuthorizationResponse;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.BufferSettings;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.HttpService;
import io.envoyproxy.envoy.type.matcher.v3.ListStringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mesh config's ext_authz extension providers as Envoy ext_authz filter configs (HTTP, and for gRPC providers
 * also the network filter), each resolved once per build, or the reasons it cannot be used. Pure; confined.
 */
final class ExtAuthzProviders {
  /** Policy names of the CUSTOM builder start with this; ext_authz runs only when the shadow policy id does. */
  static final String MATCH_PREFIX = "istio-ext-authz";
  static final String SHADOW_PREFIX = "istio_ext_authz_";
  private static final String SHADOW_POLICY_ID = "shadow_effective_policy_id";
  private static final Duration DEFAULT_TIMEOUT = Duration.newBuilder().setSeconds(600).build();

  /** One provider: its filter configs ({@code tcp} null for HTTP providers), or the errors found. */
  record Built(ExtAuthz http, io.envoyproxy.envoy.extensions.filters.network.ext_authz.v3.ExtAuthz tcp,
      List<String> errors) {}

  private final Map<String, Built> byName = new HashMap<>();

  private ExtAuthzProviders() {}

  /** Resolves every ext_authz provider of {@code mesh}; other providers are ignored. */
  static ExtAuthzProviders of(MeshConfig mesh, ServiceIndex services) {
    ExtAuthzProviders out = new ExtAuthzProviders();
    List<ExtensionProvider> providers = mesh.extensionProviders();
    for (int i = 0; i < providers.size(); i++) {
      ExtensionProvider p = providers.get(i);
      String name = p.name().orElse("");
      List<String> errors = new ArrayList<>();
      if (name.isEmpty()) {
        errors.add("extension provider name must not be empty, found empty at index: " + i);
      } else if (out.byName.containsKey(name)) {
        errors.add("extension provider name must be unique, found duplicate: " + name);
      }
      Built built;
      if (p.envoyExtAuthzHttp().isPresent()) {
        built = http(p.envoyExtAuthzHttp().get(), services);
      } else if (p.envoyExtAuthzGrpc().isPresent()) {
        built = grpc(p.envoyExtAuthzGrpc().get(), services);
      } else {
        continue;
      }
      if (!built.errors().isEmpty()) {
        built.errors().forEach(e -> errors.add("failed to parse extension provider \"" + name + "\": " + e));
      }
      out.byName.put(name, new Built(built.http(), built.tcp(), List.copyOf(errors)));
    }
    return out;
  }

  /**
   * The one provider the CUSTOM policies of a workload name.
   *
   * @throws AuthzException when they name none, several, an unknown or a broken provider
   */
  Built select(List<String> providers) {
    if (providers.isEmpty()) {
      throw new AuthzException("no provider specified in authorization policy");
    }
    if (Set.copyOf(providers).size() > 1) {
      throw new AuthzException("only 1 provider can be used per workload, found multiple providers: " + providers);
    }
    String name = providers.get(0);
    Built b = byName.get(name);
    if (b == null) {
      throw new AuthzException("available providers are " + new java.util.TreeSet<>(byName.keySet())
          + " but found \"" + name + "\"");
    }
    if (b.http() == null || !b.errors().isEmpty()) {
      throw new AuthzException("found errors in provider " + name + ": " + String.join("; ", b.errors()));
    }
    return b;
  }

  private static Built http(EnvoyExternalAuthorizationHttpProvider c, ServiceIndex services) {
    List<String> errors = new ArrayList<>();
    int port = port(c.port().orElse(0), errors);
    String[] target = lookup(c.service().orElse(""), port, services, errors);
    HttpStatus status = status(c.statusOnError().orElse(""), errors);
    String pathPrefix = c.pathPrefix().orElse("");
    if (!pathPrefix.isEmpty()) {
      if (!isUrlPath(pathPrefix)) {
        errors.add("invalid pathPrefix \"" + pathPrefix + "\": control character or bad percent-escape");
      }
      if (!pathPrefix.startsWith("/")) {
        errors.add("pathPrefix must begin with `/`, found: \"" + pathPrefix + "\"");
      }
    }
    checkWildcard("IncludeRequestHeadersInCheck", c.includeRequestHeadersInCheck(), errors);
    checkWildcard("IncludeHeadersInCheck", c.includeHeadersInCheck(), errors);
    checkWildcard("HeadersToDownstreamOnDeny", c.headersToDownstreamOnDeny(), errors);
    checkWildcard("HeadersToDownstreamOnAllow", c.headersToDownstreamOnAllow(), errors);
    checkWildcard("HeadersToUpstreamOnAllow", c.headersToUpstreamOnAllow(), errors);
    if (!errors.isEmpty()) {
      return new Built(null, null, errors);
    }
    HttpService.Builder service = HttpService.newBuilder().setPathPrefix(pathPrefix)
        .setServerUri(HttpUri.newBuilder().setUri("http://" + target[0]).setCluster(target[1])
            .setTimeout(timeout(c.timeout())));
    Map<String, String> extra = new TreeMap<>(c.includeAdditionalHeadersInCheck());
    if (!extra.isEmpty()) {
      AuthorizationRequest.Builder req = AuthorizationRequest.newBuilder();
      extra.forEach((k, v) -> req.addHeadersToAdd(HeaderValue.newBuilder().setKey(k).setValue(v)));
      service.setAuthorizationRequest(req);
    }
    if (!c.headersToUpstreamOnAllow().isEmpty() || !c.headersToDownstreamOnDeny().isEmpty()
        || !c.headersToDownstreamOnAllow().isEmpty()) {
      AuthorizationResponse.Builder resp = AuthorizationResponse.newBuilder();
      headers(c.headersToUpstreamOnAllow()).ifPresent(resp::setAllowedUpstreamHeaders);
      headers(c.headersToDownstreamOnDeny()).ifPresent(resp::setAllowedClientHeaders);
      headers(c.headersToDownstreamOnAllow()).ifPresent(resp::setAllowedClientHeadersOnSuccess);
      service.setAuthorizationResponse(resp);
    }
    ExtAuthz.Builder http = ExtAuthz.newBuilder()
        .setFailureModeAllow(c.failOpen().orElse(false))
        .setTransportApiVersion(ApiVersion.V3)
        .setHttpService(service)
        .setFilterEnabledMetadata(enabledWhen(AuthzFilters.RBAC_HTTP));
    if (status != null) {
      http.setStatusOnError(status);
    }
    body(c.includeRequestBodyInCheck()).ifPresent(http::setWithRequestBody);
    Optional<ListStringMatcher> allowed = headers(c.includeRequestHeadersInCheck())
        .or(() -> headers(c.includeHeadersInCheck()));
    allowed.ifPresent(http::setAllowedHeaders);
    return new Built(http.build(), null, List.of());
  }

  private static Built grpc(EnvoyExternalAuthorizationGrpcProvider c, ServiceIndex services) {
    List<String> errors = new ArrayList<>();
    int port = port(c.port().orElse(0), errors);
    String[] target = lookup(c.service().orElse(""), port, services, errors);
    HttpStatus status = status(c.statusOnError().orElse(""), errors);
    if (!errors.isEmpty()) {
      return new Built(null, null, errors);
    }
    GrpcService grpc = GrpcService.newBuilder()
        .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(target[1]).setAuthority(target[0]))
        .setTimeout(timeout(c.timeout()))
        .build();
    boolean failOpen = c.failOpen().orElse(false);
    ExtAuthz.Builder http = ExtAuthz.newBuilder()
        .setFailureModeAllow(failOpen)
        .setGrpcService(grpc)
        .setFilterEnabledMetadata(enabledWhen(AuthzFilters.RBAC_HTTP))
        .setTransportApiVersion(ApiVersion.V3);
    if (status != null) {
      http.setStatusOnError(status);
    }
    body(c.includeRequestBodyInCheck()).ifPresent(http::setWithRequestBody);
    var tcp = io.envoyproxy.envoy.extensions.filters.network.ext_authz.v3.ExtAuthz.newBuilder()
        .setStatPrefix(AuthzFilters.TCP_STAT_PREFIX)
        .setFailureModeAllow(failOpen)
        .setTransportApiVersion(ApiVersion.V3)
        .setGrpcService(grpc)
        .setFilterEnabledMetadata(enabledWhen(AuthzFilters.RBAC_NETWORK))
        .build();
    return new Built(http.build(), tcp, List.of());
  }

  private static int port(int port, List<String> errors) {
    if (port < 1 || port > 65535) {
      errors.add("port must be in the range [1, 65535], found: " + Integer.toUnsignedString(port));
      return 0;
    }
    return port;
  }

  /** {@code [hostname, cluster]} of a provider service {@code [ns/]host}, or blanks with an error added. */
  private static String[] lookup(String service, int port, ServiceIndex services, List<String> errors) {
    if (service.isEmpty()) {
      errors.add("service must not be empty");
      return new String[] {"", ""};
    }
    String[] parts = service.split("/", -1);
    if (parts.length == 2) {
      if (services.namespaces(parts[1]).contains(parts[0])) {
        return target(parts[1], port);
      }
    } else {
      Set<String> namespaces = services.namespaces(service);
      if (namespaces.size() == 1) {
        return target(service, port);
      }
      if (namespaces.size() > 1) {
        errors.add("found " + service + " in multiple namespaces " + namespaces
            + ", specify the namespace explicitly in the format of <Namespace>/<Hostname>");
        return new String[] {"", ""};
      }
    }
    errors.add("could not find service " + service + " in Istio service registry");
    return new String[] {"", ""};
  }

  private static String[] target(String host, int port) {
    return new String[] {host, "outbound|" + port + "||" + host};
  }

  private static HttpStatus status(String status, List<String> errors) {
    if (status.isEmpty()) {
      return null;
    }
    int code;
    try {
      code = Integer.parseInt(status);
    } catch (NumberFormatException e) {
      errors.add("invalid statusOnError \"" + status + "\": " + e.getMessage());
      return null;
    }
    StatusCode sc = StatusCode.forNumber(code);
    if (sc == null) {
      errors.add("unsupported statusOnError " + status);
      return null;
    }
    return HttpStatus.newBuilder().setCode(sc).build();
  }

  /** What Go's {@code url.Parse} rejects in a path: control characters and {@code %} not before two hex digits. */
  private static boolean isUrlPath(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
      if (c == '%' && (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
          || Character.digit(s.charAt(i + 2), 16) < 0)) {
        return false;
      }
    }
    return true;
  }

  private static void checkWildcard(String field, List<String> values, List<String> errors) {
    if (values.contains("*")) {
      errors.add("a single wildcard (\"*\") is not supported, change it to either prefix or suffix match: " + field);
    }
  }

  private static Duration timeout(Optional<java.time.Duration> d) {
    return d.map(t -> Duration.newBuilder().setSeconds(t.getSeconds()).setNanos(t.getNano()).build())
        .orElse(DEFAULT_TIMEOUT);
  }

  private static Optional<BufferSettings> body(Optional<EnvoyExternalAuthorizationRequestBody> b) {
    return b.map(c -> BufferSettings.newBuilder()
        .setMaxRequestBytes(c.maxRequestBytes().orElse(0))
        .setAllowPartialMessage(c.allowPartialMessage().orElse(false))
        .setPackAsBytes(c.packAsBytes().orElse(false))
        .build());
  }

  /** Header names as case-insensitive matchers ({@code x-*} prefix, {@code *-x} suffix), empty for none. */
  private static Optional<ListStringMatcher> headers(List<String> names) {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    ListStringMatcher.Builder out = ListStringMatcher.newBuilder();
    for (String h : names) {
      StringMatcher.Builder m = StringMatcher.newBuilder().setIgnoreCase(true);
      if (h.startsWith("*")) {
        m.setSuffix(h.substring(1));
      } else if (h.endsWith("*")) {
        m.setPrefix(h.substring(0, h.length() - 1));
      } else {
        m.setExact(h);
      }
      out.addPatterns(m);
    }
    return Optional.of(out.build());
  }

  /** Matches when the RBAC filter's CUSTOM shadow policy id starts with {@link #MATCH_PREFIX}. */
  private static MetadataMatcher enabledWhen(String rbacFilter) {
    return MetadataMatcher.newBuilder()
        .setFilter(rbacFilter)
        .addPath(MetadataMatcher.PathSegment.newBuilder().setKey(SHADOW_PREFIX + SHADOW_POLICY_ID))
        .setValue(ValueMatcher.newBuilder().setStringMatch(StringMatcher.newBuilder().setPrefix(MATCH_PREFIX)))
        .build();
  }
}
