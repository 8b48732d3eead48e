package dev.meshwright.api.mesh;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Istio's extension provider rules (unique non-empty names, service and port of each provider, ext_authz
 * status and path prefix). Istio only logs these ("can be ignored if the provider is not used"), so they
 * are reported as warnings, each prefixed {@code invalid extension provider NAME:}.
 */
final class ExtensionProviderValidator {
  /** Envoy's {@code envoy.type.v3.StatusCode} values. */
  private static final TreeMap<Integer, String> STATUS_CODES = new TreeMap<>();

  static {
    String[] codes = {
      "0:Empty", "100:Continue", "200:OK", "201:Created", "202:Accepted", "203:NonAuthoritativeInformation",
      "204:NoContent", "205:ResetContent", "206:PartialContent", "207:MultiStatus", "208:AlreadyReported",
      "226:IMUsed", "300:MultipleChoices", "301:MovedPermanently", "302:Found", "303:SeeOther", "304:NotModified",
      "305:UseProxy", "307:TemporaryRedirect", "308:PermanentRedirect", "400:BadRequest", "401:Unauthorized",
      "402:PaymentRequired", "403:Forbidden", "404:NotFound", "405:MethodNotAllowed", "406:NotAcceptable",
      "407:ProxyAuthenticationRequired", "408:RequestTimeout", "409:Conflict", "410:Gone", "411:LengthRequired",
      "412:PreconditionFailed", "413:PayloadTooLarge", "414:URITooLong", "415:UnsupportedMediaType",
      "416:RangeNotSatisfiable", "417:ExpectationFailed", "421:MisdirectedRequest", "422:UnprocessableEntity",
      "423:Locked", "424:FailedDependency", "426:UpgradeRequired", "428:PreconditionRequired",
      "429:TooManyRequests", "431:RequestHeaderFieldsTooLarge", "500:InternalServerError", "501:NotImplemented",
      "502:BadGateway", "503:ServiceUnavailable", "504:GatewayTimeout", "505:HTTPVersionNotSupported",
      "506:VariantAlsoNegotiates", "507:InsufficientStorage", "508:LoopDetected", "510:NotExtended",
      "511:NetworkAuthenticationRequired"};
    for (String c : codes) {
      int colon = c.indexOf(':');
      STATUS_CODES.put(Integer.parseInt(c.substring(0, colon)), c.substring(colon + 1));
    }
  }

  private ExtensionProviderValidator() {}

  static void validate(List<ExtensionProvider> providers, Problems p) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < providers.size(); i++) {
      ExtensionProvider ep = providers.get(i);
      String name = ep.name().orElse("");
      List<String> errors = new ArrayList<>();
      if (name.isEmpty()) {
        errors.add("empty extension provider name");
      } else if (!names.add(name)) {
        errors.add("duplicate extension provider name " + name);
      }
      errors.addAll(providerErrors(ep));
      Problems ip = p.index(i);
      errors.forEach(e -> ip.warning("invalid extension provider " + name + ": " + e));
    }
  }

  private static List<String> providerErrors(ExtensionProvider ep) {
    List<String> errors = new ArrayList<>();
    switch (ep.providerType()) {
      case "envoyExtAuthzHttp" -> {
        EnvoyExternalAuthorizationHttpProvider h = ep.envoyExtAuthzHttp().orElseThrow();
        Checks.port(h.port().orElse(0)).ifPresent(errors::add);
        service(h.service()).ifPresent(errors::add);
        statusOnError(h.statusOnError()).ifPresent(errors::add);
        String prefix = h.pathPrefix().orElse("");
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
          errors.add("pathPrefix should begin with `/` but found " + Checks.quote(prefix));
        }
      }
      case "envoyExtAuthzGrpc" -> {
        EnvoyExternalAuthorizationGrpcProvider g = ep.envoyExtAuthzGrpc().orElseThrow();
        servicePort(g.port(), errors);
        service(g.service()).ifPresent(errors::add);
        statusOnError(g.statusOnError()).ifPresent(errors::add);
      }
      case "zipkin" -> tracer(ep.zipkin().orElseThrow().service(), ep.zipkin().orElseThrow().port(), errors);
      case "lightstep" -> {
        LightstepTracingProvider l = ep.lightstep().orElseThrow();
        tracer(l.service(), l.port(), errors);
        if (l.accessToken().orElse("").isEmpty()) {
          errors.add("access token is required");
        }
      }
      case "datadog" -> tracer(ep.datadog().orElseThrow().service(), ep.datadog().orElseThrow().port(), errors);
      case "opencensus" -> tracer(ep.opencensus().orElseThrow().service(), ep.opencensus().orElseThrow().port(), errors);
      case "skywalking" -> tracer(ep.skywalking().orElseThrow().service(), ep.skywalking().orElseThrow().port(), errors);
      case "envoyOtelAls" -> {
        EnvoyOpenTelemetryLogProvider o = ep.envoyOtelAls().orElseThrow();
        logService(o.port(), o.service(), errors);
      }
      case "opentelemetry" -> {
        OpenTelemetryTracingProvider o = ep.opentelemetry().orElseThrow();
        logService(o.port(), o.service(), errors);
      }
      case "envoyHttpAls" -> logService(ep.envoyHttpAls().orElseThrow().port(), ep.envoyHttpAls().orElseThrow().service(), errors);
      case "envoyTcpAls" -> logService(ep.envoyTcpAls().orElseThrow().port(), ep.envoyTcpAls().orElseThrow().service(), errors);
      case "prometheus", "stackdriver", "envoyFileAccessLog" -> { }
      default -> errors.add("unsupported provider: <nil> of type <nil>");
    }
    return errors;
  }

  /** Tracers check the service first and word a bad port as a service port. */
  private static void tracer(Optional<String> service, Optional<Integer> port, List<String> errors) {
    service(service).ifPresent(errors::add);
    servicePort(port, errors);
  }

  /** Access log services and OpenTelemetry check the port first. */
  private static void logService(Optional<Integer> port, Optional<String> service, List<String> errors) {
    Checks.port(port.orElse(0)).ifPresent(errors::add);
    service(service).ifPresent(errors::add);
  }

  private static void servicePort(Optional<Integer> port, List<String> errors) {
    Checks.port(port.orElse(0)).ifPresent(e -> errors.add("invalid service port: " + e));
  }

  /** A provider service: {@code hostname}, an IP, or {@code namespace/hostname}. */
  private static Optional<String> service(Optional<String> value) {
    String service = value.orElse("");
    if (service.isEmpty()) {
      return Optional.of("service must not be empty");
    }
    int slash = service.indexOf('/');
    if (slash < 0) {
      if (Checks.fqdn(service).isPresent() && !IpAddresses.isIpWithoutZone(service)) {
        return Optional.of("invalid service fmt " + service + ": " + service + " is not a valid IP");
      }
      return Optional.empty();
    }
    String namespace = service.substring(0, slash);
    String host = service.substring(slash + 1);
    List<String> errors = new ArrayList<>();
    if (namespace.isEmpty() || host.isEmpty()) {
      errors.add("config namespace and dnsName in host entry cannot be empty");
    }
    if (!Set.of("*", ".", "~").contains(namespace) && !Checks.isDns1123Label(namespace)) {
      errors.add("invalid namespace value " + Checks.quote(namespace) + " in sidecar");
    }
    if (!host.equals("*") && !host.contains(".")) {
      errors.add("short names (non FQDN) are not allowed");
    }
    Checks.wildcardDomain(host).ifPresent(errors::add);
    if (host.contains("*") && host.length() != 1 && !host.startsWith("*.")) {
      errors.add("partial wildcard " + Checks.quote(host) + " not allowed");
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
  }

  private static Optional<String> statusOnError(Optional<String> value) {
    String status = value.orElse("");
    if (status.isEmpty()) {
      return Optional.empty();
    }
    int code;
    try {
      code = Integer.parseInt(status);
    } catch (NumberFormatException e) {
      return Optional.of("invalid statusOnError value " + status + ": strconv.ParseInt: parsing "
          + Checks.quote(status) + ": invalid syntax");
    }
    if (!STATUS_CODES.containsKey(code)) {
      StringBuilder known = new StringBuilder("map[");
      STATUS_CODES.forEach((k, v) -> known.append(known.length() > 4 ? " " : "").append(k).append(':').append(v));
      return Optional.of("unsupported statusOnError value " + status + ", supported values: " + known.append(']'));
    }
    return Optional.empty();
  }
}
