package dev.meshwright.api.security;

import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Value rules of AuthorizationPolicy sources, operations and conditions, with Istio's messages: no empty
 * strings, IPs and CIDRs, numeric ports, path templates, and the known condition keys. Stateless.
 */
final class AuthzValues {
  private static final String ONE = "{*}";
  private static final String ANY = "{**}";

  /** Condition keys that take any value. */
  private static final Set<String> PLAIN_KEYS = Set.of(
      "source.namespace", "source.principal", "request.auth.principal", "request.auth.audiences",
      "request.auth.presenter", "connection.sni");

  private static final Set<String> IP_KEYS = Set.of("source.ip", "remote.ip", "destination.ip");

  private AuthzValues() {}

  /** {@code empty value not allowed, found in <field>} when a value is the empty string. */
  static Optional<String> emptyValue(String field, List<String> values) {
    return values.contains("")
        ? Optional.of("empty value not allowed, found in " + field)
        : Optional.empty();
  }

  /** One message per value that is neither an IP address nor a CIDR block. */
  static List<String> ips(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v.contains("/")) {
        IpAddresses.prefixError(v).ifPresent(e -> out.add("bad CIDR range (" + v + "): " + e));
      } else if (!IpAddresses.isIp(v)) {
        out.add("bad IP address (" + v + ")");
      }
    }
    return out;
  }

  /** One message per value that is not a decimal port in 0..65535. */
  static List<String> ports(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      String err = parseUint32(v);
      if (err != null) {
        out.add("bad port (" + v + "): " + err);
      } else if (Long.parseLong(v) > 65535) {
        out.add("bad port (" + v + "): <nil>");
      }
    }
    return out;
  }

  /** Go's {@code strconv.ParseUint(v, 10, 32)} error, or null when it parses. */
  private static String parseUint32(String v) {
    String where = "strconv.ParseUint: parsing " + Checks.quote(v) + ": ";
    if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return where + "invalid syntax";
    }
    if (v.length() > 10 || Long.parseLong(v) > 0xFFFF_FFFFL) {
      return where + "value out of range";
    }
    return null;
  }

  /** Paths may use {@code {*}} and {@code {**}} as whole segments; then no other {@code *} is allowed. */
  static Optional<String> pathTemplates(String field, List<String> paths) {
    for (String path : paths) {
      boolean templated = path.contains(ONE) || path.contains(ANY);
      for (String glob : path.split("/", -1)) {
        if (glob.equals(ONE) || glob.equals(ANY)) {
          continue;
        }
        if (glob.contains("{") || glob.contains("}")) {
          return Optional.of("invalid or unsupported path " + path + ", found in " + field
              + ".Contains '{' or '}' beyond a supported path template");
        }
        if (glob.contains("*") && templated) {
          return Optional.of("invalid or unsupported path " + path + ", found in " + field
              + ".Contains '*' beyond a supported path template");
        }
      }
    }
    return Optional.empty();
  }

  /** Istio's check of a condition key against its values; the first problem found, or empty. */
  static Optional<String> attribute(String key, List<String> values) {
    Optional<String> empty = emptyValue(key, values);
    if (empty.isPresent()) {
      return empty;
    }
    if (key.startsWith("request.headers") || key.startsWith("request.auth.claims")
        || key.startsWith("experimental.envoy.filters.")) {
      return mapKey(key);
    }
    if (IP_KEYS.contains(key)) {
      List<String> bad = ips(values);
      return bad.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", bad));
    }
    if (PLAIN_KEYS.contains(key)) {
      return Optional.empty();
    }
    if (key.equals("destination.port")) {
      List<String> bad = ports(values);
      return bad.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", bad));
    }
    if (key.equals("destination.namespace")) {
      return Optional.of("attribute " + key + " is replaced by the metadata.namespace");
    }
    if (key.startsWith("destination.labels")) {
      return Optional.of("attribute " + key + " is replaced by the workload selector");
    }
    if (key.equals("destination.name") || key.equals("destination.user")) {
      return Optional.of("deprecated attribute " + key + ": only supported in v1alpha1");
    }
    return Optional.of("unknown attribute: " + key);
  }

  /** Keys like {@code request.headers[name]} need a non-empty name in brackets at the end. */
  private static Optional<String> mapKey(String key) {
    int open = key.indexOf('[');
    if (key.endsWith("]") && open > 0 && open < key.length() - 2) {
      return Optional.empty();
    }
    return Optional.of("bad key (" + key + "): should have format a[b]");
  }
}
