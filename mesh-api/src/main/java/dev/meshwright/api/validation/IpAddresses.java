package dev.meshwright.api.validation;

import java.util.Optional;

/**
 * IP address and CIDR syntax as Go parses it (which Istio uses), the one implementation every validator
 * shares: dotted-decimal IPv4 without leading zeros, IPv6 with {@code ::} compression, an optional trailing
 * dotted IPv4 part and, where Go's {@code netip.ParseAddr} allows it, a {@code %zone}. Only ASCII digits
 * count. Never resolves names. Stateless and thread-safe; no method throws for bad input.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /** Whether {@code s} is what Go's {@code netip.ParseAddr} accepts: IPv4, or IPv6 that may carry a zone. */
  public static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s, true);
  }

  /** Whether {@code s} is what Go's {@code net.ParseIP} accepts: IPv4, or IPv6 without a zone or brackets. */
  public static boolean isIpWithoutZone(String s) {
    return isIpv4(s) || isIpv6(s, false);
  }

  /** Whether {@code s} is a dotted-decimal IPv4 address. */
  public static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !digits(p)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} is an IPv6 address literal without a zone. */
  public static boolean isIpv6(String s) {
    return isIpv6(s, false);
  }

  private static boolean isIpv6(String s, boolean allowZone) {
    String addr = s;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (!allowZone || pct == s.length() - 1) {
        return false;
      }
      addr = s.substring(0, pct);
    }
    if (!addr.contains(":")) {
      return false;
    }
    int doubleColon = addr.indexOf("::");
    if (doubleColon >= 0 && addr.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups = 0;
    String[] parts = addr.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        // Empty parts only come from the single "::" (two at the start or end of the address).
        continue;
      }
      if (i == parts.length - 1 && p.contains(".")) {
        if (!isIpv4(p)) {
          return false;
        }
        groups += 2;
        continue;
      }
      if (p.length() > 4 || !hex(p)) {
        return false;
      }
      groups++;
    }
    if (doubleColon < 0) {
      return groups == 8 && !addr.startsWith(":") && !addr.endsWith(":");
    }
    boolean leadingOk = !addr.startsWith(":") || addr.startsWith("::");
    boolean trailingOk = !addr.endsWith(":") || addr.endsWith("::");
    return groups <= 7 && leadingOk && trailingOk;
  }

  /** Istio's {@code ValidateIPAddress}: {@code addr} must be an IP address (zones allowed), not a CIDR block. */
  public static Optional<String> address(String addr) {
    return isIp(addr) ? Optional.empty() : Optional.of(addr + " is not a valid IP");
  }

  /** Istio's {@code ValidateIPSubnet}: an address or CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 1.2.3.4}). */
  public static Optional<String> subnet(String subnet) {
    if (subnet.chars().filter(c -> c == '/').count() == 1) {
      return isPrefix(subnet) ? Optional.empty() : Optional.of(subnet + " is not a valid CIDR block");
    }
    return address(subnet);
  }

  /** Whether {@code s} is {@code address/bits} as Go's {@code netip.ParsePrefix} accepts it. */
  public static boolean isPrefix(String s) {
    return prefixError(s).isEmpty();
  }

  /**
   * Go's error for {@code netip.ParsePrefix(s)} (a prefix has no zone, and its bit count has no sign or
   * leading zero and fits the address family), or empty when it parses. The address part is reported as
   * {@code unable to parse IP} rather than with Go's detailed reason.
   */
  public static Optional<String> prefixError(String s) {
    String where = "netip.ParsePrefix(" + Checks.quote(s) + "): ";
    int slash = s.lastIndexOf('/');
    if (slash < 0) {
      return Optional.of(where + "no '/'");
    }
    String addr = s.substring(0, slash);
    if (!isIp(addr)) {
      return Optional.of(where + "ParseAddr(" + Checks.quote(addr) + "): unable to parse IP");
    }
    boolean v6 = addr.indexOf(':') >= 0;
    if (v6 && addr.indexOf('%') >= 0) {
      return Optional.of(where + "IPv6 zones cannot be present in a prefix");
    }
    String bits = s.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 4 || !digits(bits) || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return Optional.of(where + "bad bits after slash: " + Checks.quote(bits));
    }
    if (Integer.parseInt(bits) > (v6 ? 128 : 32)) {
      return Optional.of(where + "prefix length out of range");
    }
    return Optional.empty();
  }

  private static boolean digits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean hex(String s) {
    return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  }
}
