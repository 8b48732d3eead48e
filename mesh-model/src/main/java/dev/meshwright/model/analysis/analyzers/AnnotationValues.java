package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import dev.meshwright.api.yaml.MeshConfigYaml;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The value checks the sidecar injector applies to its annotations (booleans, unsigned integers, ports and port
 * lists, CIDR lists, interception mode, proxy config); each returns the problem, or empty when the value is
 * fine. Stateless.
 */
final class AnnotationValues {
  private static final Set<String> BOOLEANS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE",
      "false", "False");

  static final Map<String, Function<String, Optional<String>>> CHECKS = Map.ofEntries(
      Map.entry("sidecar.istio.io/interceptionMode", AnnotationValues::interceptionMode),
      Map.entry("sidecar.istio.io/enableCoreDump", AnnotationValues::bool),
      Map.entry("status.sidecar.istio.io/port", v -> port(v).map(e -> "excludeInboundPorts invalid: " + e)),
      Map.entry("readiness.status.sidecar.istio.io/initialDelaySeconds", AnnotationValues::uint32),
      Map.entry("readiness.status.sidecar.istio.io/periodSeconds", AnnotationValues::uint32),
      Map.entry("readiness.status.sidecar.istio.io/failureThreshold", AnnotationValues::uint32),
      Map.entry("traffic.sidecar.istio.io/includeOutboundIPRanges",
          v -> v.equals("*") ? Optional.empty() : cidrs(v).map(e -> "includeIPRanges invalid: " + e)),
      Map.entry("traffic.sidecar.istio.io/excludeOutboundIPRanges", v -> cidrs(v).map(e -> "excludeIPRanges invalid: " + e)),
      Map.entry("traffic.sidecar.istio.io/includeInboundPorts",
          v -> v.equals("*") ? Optional.empty() : ports(v).map(e -> "includeInboundPorts invalid: " + e)),
      Map.entry("traffic.sidecar.istio.io/excludeInboundPorts", v -> ports(v).map(e -> "excludeInboundPorts invalid: " + e)),
      Map.entry("traffic.sidecar.istio.io/excludeOutboundPorts", v -> ports(v).map(e -> "excludeOutboundPorts invalid: " + e)),
      Map.entry("prometheus.istio.io/merge-metrics", AnnotationValues::bool),
      Map.entry("proxy.istio.io/config", AnnotationValues::proxyConfig));

  private AnnotationValues() {}

  private static Optional<String> interceptionMode(String v) {
    return Set.of("REDIRECT", "TPROXY", "NONE").contains(v) ? Optional.empty()
        : Optional.of("interceptionMode invalid, use REDIRECT,TPROXY,NONE: " + v);
  }

  private static Optional<String> bool(String v) {
    return BOOLEANS.contains(v) ? Optional.empty()
        : Optional.of("strconv.ParseBool: parsing " + Checks.quote(v) + ": invalid syntax");
  }

  private static Optional<String> uint32(String v) {
    return unsigned(v, 0xFFFFFFFFL).map(e -> "strconv.ParseUint: parsing " + Checks.quote(v) + ": " + e);
  }

  private static Optional<String> unsigned(String v, long max) {
    if (v.isEmpty() || !v.chars().allMatch(Character::isDigit)) {
      return Optional.of("invalid syntax");
    }
    try {
      return Long.parseLong(v) > max ? Optional.of("value out of range") : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of("value out of range");
    }
  }

  private static Optional<String> port(String v) {
    String t = v.trim();
    return unsigned(t, 0xFFFF).map(e -> "failed parsing port " + "'" + v + "': strconv.ParseUint: parsing "
        + Checks.quote(t) + ": " + e);
  }

  private static Optional<String> ports(String v) {
    String t = v.trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    for (String p : t.split(",", -1)) {
      Optional<String> e = port(p);
      if (e.isPresent()) {
        return Optional.of("failed parsing port '" + p + "': " + e.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> cidrs(String v) {
    if (v.isEmpty()) {
      return Optional.empty();
    }
    for (String c : v.split(",", -1)) {
      Optional<String> e = IpAddresses.prefixError(c);
      if (e.isPresent()) {
        return Optional.of("failed parsing cidr '" + c + "': " + e.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> proxyConfig(String v) {
    var read = MeshConfigYaml.readProxyConfig("annotation", v);
    return read.hasErrors()
        ? Optional.of("failed to convert to apply proxy config: " + read.diagnostics().get(0).message())
        : Optional.empty();
  }
}
