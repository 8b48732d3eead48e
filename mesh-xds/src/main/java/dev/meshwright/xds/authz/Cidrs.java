package dev.meshwright.xds.authz;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP addresses and CIDR blocks as Go's {@code netip} does for Istio's {@code AddrStrToCidrRange}: no DNS,
 * IPv4 in dotted decimal without leading zeros, IPv6 printed in RFC 5952 form. Pure and stateless.
 */
final class Cidrs {
  private static final Pattern IPV4 =
      Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern BITS = Pattern.compile("0|[1-9][0-9]{0,2}");

  private Cidrs() {}

  static CidrRange parse(String text) {
    if (text.isEmpty()) {
      throw new AuthzException("empty address");
    }
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    String canonical;
    int max;
    if (IPV4.matcher(addr).matches()) {
      for (String part : addr.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          throw new AuthzException("invalid IP address " + text);
        }
      }
      canonical = addr;
      max = 32;
    } else if (addr.contains(":") && IPV6_CHARS.matcher(addr).matches()) {
      canonical = ipv6(addr, text);
      max = 128;
    } else {
      throw new AuthzException("invalid IP address " + text);
    }
    int bits = max;
    if (slash >= 0) {
      String b = text.substring(slash + 1);
      if (!BITS.matcher(b).matches() || Integer.parseInt(b) > max) {
        throw new AuthzException("invalid prefix length in " + text);
      }
      bits = Integer.parseInt(b);
    }
    return CidrRange.newBuilder().setAddressPrefix(canonical).setPrefixLen(UInt32Value.of(bits)).build();
  }

  private static String ipv6(String addr, String text) {
    InetAddress parsed;
    try {
      parsed = InetAddress.getByName(addr); // a literal: the character check above rules out host names
    } catch (UnknownHostException e) {
      throw new AuthzException("invalid IP address " + text);
    }
    if (parsed instanceof Inet4Address) {
      return "::ffff:" + parsed.getHostAddress(); // an IPv4-mapped address, which Java folds to IPv4
    }
    byte[] b = parsed.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
