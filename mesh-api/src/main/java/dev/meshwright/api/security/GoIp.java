package dev.meshwright.api.security;

import java.util.Optional;

/**
 * IP address and CIDR syntax as Go's {@code net/netip} accepts it (which is what Istio uses): dotted
 * IPv4 without leading zeros, IPv6 with an optional zone for plain addresses, prefixes without zones and
 * with a bit count in range. Stateless.
 */
final class GoIp {
  private GoIp() {}

  /** Whether {@code s} is what {@code netip.ParseAddr} accepts. */
  static boolean isAddr(String s) {
    if (s.indexOf(':') >= 0) {
      return isV6(s, true);
    }
    return s.indexOf('.') >= 0 && isV4(s);
  }

  /** Go's error for {@code netip.ParsePrefix(s)}, or empty when it parses. */
  static Optional<String> prefixError(String s) {
    String where = "netip.ParsePrefix(" + dev.meshwright.api.validation.Checks.quote(s) + "): ";
    int slash = s.lastIndexOf('/');
    if (slash < 0) {
      return Optional.of(where + "no '/'");
    }
    String addr = s.substring(0, slash);
    if (!isAddr(addr)) {
      return Optional.of(where + "ParseAddr(" + dev.meshwright.api.validation.Checks.quote(addr) + "): unable to parse IP");
    }
    boolean v6 = addr.indexOf(':') >= 0;
    if (v6 && addr.indexOf('%') >= 0) {
      return Optional.of(where + "IPv6 zones cannot be present in a prefix");
    }
    String bits = s.substring(slash + 1);
    boolean digits = !bits.isEmpty() && bits.length() <= 4 && bits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return Optional.of(where + "bad bits after slash: " + dev.meshwright.api.validation.Checks.quote(bits));
    }
    int n = Integer.parseInt(bits);
    if (n > (v6 ? 128 : 32)) {
      return Optional.of(where + "prefix length out of range");
    }
    return Optional.empty();
  }

  static boolean isV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isV6(String in, boolean allowZone) {
    String s = in;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (!allowZone || pct == s.length() - 1) {
        return false;
      }
      s = s.substring(0, pct);
    }
    int fields = 0;
    boolean ellipsis = false;
    if (s.startsWith("::")) {
      ellipsis = true;
      s = s.substring(2);
      if (s.isEmpty()) {
        return true;
      }
    }
    while (fields < 8) {
      int off = 0;
      while (off < s.length() && Character.digit(s.charAt(off), 16) >= 0 && s.charAt(off) < 0x80) {
        off++;
      }
      if (off < s.length() && s.charAt(off) == '.') {
        // An embedded IPv4 address ends the address and takes two fields.
        if ((!ellipsis && fields != 6) || fields + 2 > 8 || !isV4(s)) {
          return false;
        }
        fields += 2;
        s = "";
        break;
      }
      if (off == 0 || off > 4) {
        return false;
      }
      fields++;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':' || s.length() == 1) {
        return false;
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis) {
          return false;
        }
        ellipsis = true;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return false;
    }
    return ellipsis ? fields < 8 : fields == 8;
  }
}
