package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.HeaderValues;
import dev.meshwright.api.validation.Regexes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks shared by the HTTP, TLS and TCP parts of VirtualService validation: destinations, weights,
 * gateway references, string matches, header operations and percentages, with Istio 1.22's wording.
 */
final class VirtualServiceChecks {
  /** The reserved gateway name meaning "every sidecar". */
  static final String MESH = "mesh";

  private static final String OUTBOUND_FORMAT = "outbound_.<PORT>_._.<HOSTNAME>";

  private VirtualServiceChecks() {}

  /** Gateway references: {@code mesh}, {@code namespace/name} or the legacy {@code name.namespace} form. */
  static void gatewayNames(List<String> gateways, RouteSemantics semantics, Problems p) {
    for (int i = 0; i < gateways.size(); i++) {
      String name = gateways.get(i);
      Problems at = p.index(i);
      int slash = name.indexOf('/');
      if (slash < 0) {
        if (name.contains(".")) {
          String[] parts = name.split("\\.", -1);
          at.warning(String.format("using legacy gatewayName format %s; prefer the <namespace>/<name> format: %s",
              Checks.quote(name), Checks.quote(parts[1] + "/" + parts[0])));
        }
        Checks.fqdn(name).ifPresent(at::error);
        // Istio stops at the first name without a namespace; later entries go unchecked.
        return;
      }
      String ns = name.substring(0, slash);
      String gw = name.substring(slash + 1);
      if (ns.isEmpty() || gw.isEmpty()) {
        at.error("config namespace and gateway name cannot be empty");
      }
      if (!Checks.isDns1123Label(ns)) {
        at.error("invalid value for namespace: " + Checks.quote(ns));
      }
      if (!Checks.isDns1123Label(gw) && semantics == RouteSemantics.ISTIO) {
        at.error("invalid value for gateway name: " + Checks.quote(gw));
      }
    }
  }

  /**
   * Istio's own route semantics, or those of routes converted from the Gateway API (marked by the
   * {@code internal.istio.io/route-semantics: gateway} annotation), where gateway names need not be DNS
   * labels and destinations are not checked.
   */
  enum RouteSemantics {
    ISTIO,
    GATEWAY_API
  }

  /** Whether none of {@code gateways} is {@code mesh} (also true when the list is empty). */
  static boolean noMeshGateway(List<String> gateways) {
    return !gateways.contains(MESH);
  }

  /** A host of a VirtualService bound to gateways; SNI names may use the {@code outbound_.port_._.host} form. */
  static Optional<String> gatewayBoundDomain(String domain, boolean sni) {
    if (domain.length() > 255 || domain.isEmpty() || !sni || !domain.startsWith("outbound_")) {
      return Checks.wildcardDomain(domain);
    }
    String[] parts = domain.split("_", -1);
    if (parts.length < 4) {
      return Optional.of("domain name " + domain + " invalid, should follow '" + OUTBOUND_FORMAT + "' format");
    }
    String port = trimDots(parts[1]);
    String host = trimDots(parts[3]);
    if (!port.matches(".*[0-9].*")) {
      return Optional.of(String.format("domain name %s invalid (label %s invalid). should follow %s format",
          Checks.quote(domain), Checks.quote(port), OUTBOUND_FORMAT));
    }
    if (!host.matches(".*[a-zA-Z].*")) {
      return Optional.of(String.format("domain name %s invalid (label %s invalid). should follow %s format",
          Checks.quote(domain), Checks.quote(host), OUTBOUND_FORMAT));
    }
    return Optional.empty();
  }

  private static String trimDots(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && s.charAt(b) == '.') {
      b++;
    }
    while (e > b && s.charAt(e - 1) == '.') {
      e--;
    }
    return s.substring(b, e);
  }

  /**
   * Istio's {@code validateDestination}, for route destinations and the Sidecar egress proxy: host (not
   * {@code *}), subset name and port (a {@code uint32}).
   */
  static void destination(Destination d, Problems p) {
    String host = d.host().orElse("");
    if (host.equals("*")) {
      p.at("host").error("invalid destination host *");
    } else {
      Checks.wildcardDomain(host).ifPresent(p.at("host")::error);
    }
    d.subset().filter(s -> !s.isEmpty()).flatMap(DestinationRuleValidator::subsetName).ifPresent(p.at("subset")::error);
    d.port().ifPresent(port -> Checks.port(Integer.toUnsignedLong(port.number().orElse(0)), p.at("port").at("number")));
  }

  /** Weights of a destination list: none negative, not all zero when there are several. */
  static void weights(List<Optional<Integer>> weights, Problems p) {
    int total = 0;
    for (int i = 0; i < weights.size(); i++) {
      int w = weights.get(i).orElse(0);
      if (w < 0) {
        p.index(i).at("weight").error("weight " + w + " < 0");
      }
      total += w;
    }
    if (weights.size() > 1 && total == 0) {
      p.error("total destination weight = 0");
    }
  }

  /** A string match of a request attribute: a prefix must not be empty and a regex must be RE2. */
  static void stringMatch(StringMatch m, String where, Problems p) {
    if (m instanceof StringMatch.Prefix prefix && prefix.value().isEmpty()) {
      p.error(Checks.quote(where) + ": prefix string match should not be empty");
    }
    regexMatch(m, where, p);
  }

  /** Only the regex rules of a string match (an empty URI prefix is allowed). */
  static void regexMatch(StringMatch m, String where, Problems p) {
    if (!(m instanceof StringMatch.Regex regex)) {
      return;
    }
    if (regex.value().isEmpty()) {
      p.error(Checks.quote(where) + ": regex string match should not be empty");
      return;
    }
    Regexes.check(regex.value(), where).ifPresent(p::error);
  }

  /** Header changes of a route or a route destination. */
  static void headers(Headers headers, Problems p) {
    headers.request().ifPresent(ops -> operations(ops, Direction.REQUEST, p.at("request")));
    headers.response().ifPresent(ops -> operations(ops, Direction.RESPONSE, p.at("response")));
  }

  private enum Direction {
    REQUEST,
    RESPONSE
  }

  private static void operations(Headers.HeaderOperations ops, Direction direction, Problems p) {
    new TreeMap<>(ops.add()).forEach((name, value) -> setHeader(name, value, direction, p.at("add").key(name)));
    new TreeMap<>(ops.set()).forEach((name, value) -> setHeader(name, value, direction, p.at("set").key(name)));
    for (int i = 0; i < ops.remove().size(); i++) {
      removableHeaderName(ops.remove().get(i)).ifPresent(p.at("remove").index(i)::error);
    }
  }

  private static void setHeader(String name, String value, Direction direction, Problems p) {
    Optional<String> nameProblem = direction == Direction.REQUEST
        ? requestHeaderName(name) : removableHeaderName(name);
    nameProblem.ifPresent(p::error);
    HeaderValues.check(value).ifPresent(p::error);
  }

  /** A request header to add or set: not empty, no pseudo-header other than the authority. */
  private static Optional<String> requestHeaderName(String name) {
    if (name.isEmpty()) {
      return Optional.of("header name cannot be empty");
    }
    if (isInternalHeader(name) && !isAuthorityHeader(name)) {
      return Optional.of("invalid header " + Checks.quote(name) + ": header cannot have \":\" prefix");
    }
    return Optional.empty();
  }

  /** A header to remove, or any response header to change: not empty, not Host, no pseudo-header. */
  private static Optional<String> removableHeaderName(String name) {
    if (name.isEmpty()) {
      return Optional.of("header name cannot be empty");
    }
    if (name.equalsIgnoreCase("host")) {
      return Optional.of("invalid header " + Checks.quote(name) + ": cannot set Host header");
    }
    if (isInternalHeader(name)) {
      return Optional.of("invalid header " + Checks.quote(name) + ": header cannot have \":\" prefix");
    }
    return Optional.empty();
  }

  static boolean isInternalHeader(String name) {
    return name.startsWith(":") || name.equalsIgnoreCase("host");
  }

  static boolean isAuthorityHeader(String name) {
    return name.equalsIgnoreCase(":authority") || name.equalsIgnoreCase("host");
  }

  /** A fault percentage: 0, or within [0.0001, 100]. */
  static void percentage(Percent percent, Problems p) {
    double v = percent.value().orElse(0.0);
    if (v < 0.0 || v > 100.0 || (v > 0.0 && v < 0.0001)) {
      p.error("percentage " + goFloat(v) + " is neither 0.0, nor in range [0.0001, 100.0]");
    }
  }

  /** Go's {@code %f}. */
  static String goFixed(double v) {
    return String.format(Locale.ROOT, "%f", v);
  }

  /** Go's {@code %v} of a float64: the shortest form, exponent notation below 1e-4 and from 1e21. */
  static String goFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    if (exponent >= -4 && exponent < 21) {
      return d.toPlainString();
    }
    String digits = d.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }
}
