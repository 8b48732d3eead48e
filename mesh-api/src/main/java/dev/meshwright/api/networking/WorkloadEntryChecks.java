package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Address and endpoint rules shared by WorkloadEntry and ServiceEntry: IP and CIDR syntax (as Go's
 * {@code net/netip} reads it, never touching DNS), Unix socket paths and the checks of one workload entry.
 * Stateless.
 */
final class WorkloadEntryChecks {
  static final String UNIX_PREFIX = "unix://";

  /** Whether an endpoint address may be a DNS name, or must be an IP (STATIC service entries). */
  enum AddressRule {
    IP_OR_FQDN,
    IP_ONLY
  }

  private WorkloadEntryChecks() {}

  /**
   * Istio's rules for one workload entry.
   *
   * @param servicePorts the port names of the enclosing ServiceEntry, or empty for a WorkloadEntry resource
   */
  static void workloadEntry(WorkloadEntrySpec we, Optional<Set<String>> servicePorts, AddressRule rule, Problems p) {
    String addr = we.address().orElse("");
    if (addr.isEmpty()) {
      String network = we.network().orElse("");
      if (network.isEmpty()) {
        p.at("address").error("address is required");
        return;
      }
      p.at("address").warning("address is unset with network " + Checks.quote(network));
    }
    boolean unix = addr.startsWith(UNIX_PREFIX);
    if (unix) {
      unixAddress(addr.substring(UNIX_PREFIX.length())).ifPresent(p.at("address")::error);
      if (!we.ports().isEmpty()) {
        p.at("ports").error("unix endpoint " + addr + " must not include ports");
      }
    } else if (!addr.isEmpty() && !isIpAddress(addr)) {
      if (rule == AddressRule.IP_ONLY) {
        p.at("address").error("endpoint address " + Checks.quote(addr) + " is not a valid IP address");
      } else if (Checks.fqdn(addr).isPresent()) {
        p.at("address").error("endpoint address " + Checks.quote(addr) + " is not a valid FQDN or an IP address");
      }
    }
    Checks.labels(we.labels(), p.at("labels"));
    endpointPorts(we.ports(), servicePorts, p.at("ports"));
    if (unix && servicePorts.isPresent() && servicePorts.get().size() != 1) {
      p.error("exactly 1 service port required for unix endpoints");
    }
  }

  /** Endpoint port names must be DNS labels naming a service port (when known), numbers valid ports. */
  static void endpointPorts(Map<String, Integer> ports, Optional<Set<String>> servicePorts, Problems p) {
    new TreeMap<>(ports).forEach((name, port) -> {
      Problems at = p.key(name);
      if (servicePorts.isPresent() && !servicePorts.get().contains(name)) {
        at.error("endpoint port " + port + " is not defined by the service entry");
      }
      portName(name).ifPresent(at::error);
      Checks.port(port, at);
    });
  }

  /** A port name must be a DNS-1123 label. */
  static Optional<String> portName(String name) {
    return Checks.isDns1123Label(name) ? Optional.empty() : Optional.of("invalid port name: " + name);
  }

  /** A Unix domain socket path (after {@code unix://}): absolute, not a directory, or an abstract {@code @name}. */
  static Optional<String> unixAddress(String path) {
    if (path.isEmpty()) {
      return Optional.of("unix address must not be empty");
    }
    if (path.startsWith("@")) {
      return Optional.empty();
    }
    if (!path.startsWith("/") || path.endsWith("/")) {
      return Optional.of(path + " is not an absolute path to a file");
    }
    return Optional.empty();
  }

  /** An IP address or a CIDR block, with Istio's messages. */
  static Optional<String> ipSubnet(String subnet) {
    if (subnet.chars().filter(c -> c == '/').count() == 1) {
      return isPrefix(subnet) ? Optional.empty() : Optional.of(subnet + " is not a valid CIDR block");
    }
    return isIpAddress(subnet) ? Optional.empty() : Optional.of(subnet + " is not a valid IP");
  }

  private static boolean isPrefix(String s) {
    int slash = s.indexOf('/');
    String addr = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (addr.contains("%") || !isIpAddress(addr) || bits.isEmpty() || bits.length() > 3
        || !bits.chars().allMatch(Character::isDigit) || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return false;
    }
    int max = addr.contains(":") ? 128 : 32;
    return Integer.parseInt(bits) <= max;
  }

  /** Whether {@code s} is an IPv4 or IPv6 address (with an optional zone), as Go's {@code netip.ParseAddr} accepts. */
  static boolean isIpAddress(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        return isIpv4(s);
      }
      if (c == ':') {
        return isIpv6(s);
      }
      if (c == '%') {
        return false;
      }
    }
    return false;
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String text) {
    String s = text;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (pct == s.length() - 1) {
        return false;
      }
      s = s.substring(0, pct);
    }
    int groups = 0;
    boolean ellipsis = false;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = true;
      i = 2;
      if (s.length() == 2) {
        return true;
      }
    } else if (s.startsWith(":")) {
      return false;
    }
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
        i++;
      }
      int len = i - start;
      if (i < s.length() && s.charAt(i) == '.') {
        // embedded IPv4 in the last 32 bits
        if (groups > 6 || !isIpv4(s.substring(start))) {
          return false;
        }
        groups += 2;
        i = s.length();
        break;
      }
      if (len == 0 || len > 4) {
        return false;
      }
      groups++;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':' || groups == 8) {
        return false;
      }
      i++;
      if (i < s.length() && s.charAt(i) == ':') {
        if (ellipsis) {
          return false;
        }
        ellipsis = true;
        i++;
        if (i == s.length()) {
          break;
        }
      } else if (i == s.length()) {
        return false;
      }
    }
    return ellipsis ? groups < 8 : groups == 8;
  }
}
