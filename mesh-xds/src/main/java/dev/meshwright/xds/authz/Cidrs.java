package dev.meshwright.xds.authz;

import com.google.protobuf.UInt32Value;
import dev.meshwright.api.validation.IpAddresses;
import io.envoyproxy.envoy.config.core.v3.CidrRange;

/**
 * IP addresses and CIDR blocks as Envoy ranges, as Istio's {@code AddrStrToCidrRange} makes them with Go's
 * {@code netip}: the syntax checks are {@link IpAddresses}'; a single address is {@code /32} or {@code /128}; the
 * address is printed as Go prints it (IPv6 in RFC 5952 form, {@code ::ffff:a.b.c.d} for IPv4-mapped), host bits kept.
 * Never resolves names. Pure and stateless.
 */
final class Cidrs {
  private Cidrs() {}

  /** The range of {@code text}; an {@link AuthzException} when it is no address or block. */
  static CidrRange parse(String text) {
    if (text.isEmpty()) {
      throw new AuthzException("empty address");
    }
    int slash = text.lastIndexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    if (slash >= 0 ? IpAddresses.prefixError(text).isPresent() : !IpAddresses.isIp(addr)) {
      throw new AuthzException("invalid IP address or CIDR block " + text);
    }
    boolean v6 = addr.indexOf(':') >= 0;
    String canonical = v6 ? ipv6(addr) : addr;
    int bits = slash < 0 ? (v6 ? 128 : 32) : Integer.parseInt(text.substring(slash + 1));
    return CidrRange.newBuilder().setAddressPrefix(canonical).setPrefixLen(UInt32Value.of(bits)).build();
  }

  /** A valid IPv6 address (maybe with a trailing dotted IPv4 part and a zone) in Go's printed form. */
  private static String ipv6(String addr) {
    int pct = addr.indexOf('%');
    String zone = pct < 0 ? "" : addr.substring(pct);
    int[] g = groups(pct < 0 ? addr : addr.substring(0, pct));
    boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
    if (mapped) {
      return "::ffff:" + (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff) + zone;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = Math.max(j, i + 1);
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
      out.append(Integer.toHexString(g[i]));
    }
    return out.append(zone).toString();
  }

  /** The eight 16-bit groups of a valid IPv6 address without zone. */
  private static int[] groups(String addr) {
    int[] out = new int[8];
    int gap = addr.indexOf("::");
    String head = gap < 0 ? addr : addr.substring(0, gap);
    String tail = gap < 0 ? "" : addr.substring(gap + 2);
    int[] h = parts(head);
    int[] t = parts(tail);
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(t, 0, out, 8 - t.length, t.length);
    return out;
  }

  private static int[] parts(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] p = s.split(":", -1);
    boolean v4 = p[p.length - 1].indexOf('.') >= 0;
    int[] out = new int[p.length + (v4 ? 1 : 0)];
    for (int i = 0; i < p.length - (v4 ? 1 : 0); i++) {
      out[i] = Integer.parseInt(p[i], 16);
    }
    if (v4) {
      String[] q = p[p.length - 1].split("\\.");
      out[p.length - 1] = Integer.parseInt(q[0]) << 8 | Integer.parseInt(q[1]);
      out[p.length] = Integer.parseInt(q[2]) << 8 | Integer.parseInt(q[3]);
    }
    return out;
  }
}
