package dev.meshwright.xds.bootstrap;

import dev.meshwright.xds.bootstrap.BootstrapOptions.Feature;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.DnsLookupFamily;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses in the bootstrap: {@code host:port} settings of the ProxyConfig, and the loopback and wildcard
 * addresses chosen by the pod's IP family (IPv4 unless every IP is IPv6; both families with
 * {@link Feature#DUAL_STACK}, the first IP deciding which is primary). Stateless.
 */
final class Addresses {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final String HOST_IP = "$(HOST_IP)";

  /** A host and port. */
  record HostPort(String host, int port) {
    /** As an Envoy socket address (no protocol set, as pilot-agent writes them). */
    Address toAddress() {
      return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(host).setPortValue(port))
          .build();
    }
  }

  /**
   * The addresses the agent's own listeners and clusters use.
   *
   * @param localhost the loopback address
   * @param wildcard the any-address
   * @param dnsLookupFamily how STRICT_DNS clusters resolve
   * @param additionalLocalhost the other family's loopback, with dual stack
   * @param additionalWildcard the other family's any-address, with dual stack
   */
  record Local(String localhost, String wildcard, DnsLookupFamily dnsLookupFamily,
      Optional<String> additionalLocalhost, Optional<String> additionalWildcard) {}

  private Addresses() {}

  /**
   * Parses {@code address} as Go's {@code net.SplitHostPort} does ({@code host:port}, {@code [v6]:port}) with a
   * numeric port; a host of {@code $(HOST_IP)} becomes {@code hostIp} when known.
   */
  static Optional<HostPort> parse(String address, Optional<String> hostIp) {
    String host;
    String port;
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      if (close < 0 || close + 1 >= address.length() || address.charAt(close + 1) != ':') {
        return Optional.empty();
      }
      host = address.substring(1, close);
      port = address.substring(close + 2);
    } else {
      int colon = address.lastIndexOf(':');
      if (colon < 0 || address.indexOf(':') != colon) {
        return Optional.empty();
      }
      host = address.substring(0, colon);
      port = address.substring(colon + 1);
    }
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      return Optional.empty();
    }
    if (host.equals(HOST_IP) && hostIp.isPresent()) {
      host = hostIp.get();
    }
    return Optional.of(new HostPort(host, Integer.parseInt(port)));
  }

  /** The local addresses for a pod with {@code ips}. */
  static Local local(List<String> ips, BootstrapOptions options) {
    boolean allV4 = ips.stream().noneMatch(Addresses::isIpv6);
    boolean allV6 = ips.stream().noneMatch(Addresses::isIpv4);
    Local v4 = new Local("127.0.0.1", "0.0.0.0", DnsLookupFamily.V4_ONLY, Optional.empty(), Optional.empty());
    if (allV4) {
      return v4;
    }
    if (allV6) {
      return new Local("::1", "::", DnsLookupFamily.V6_ONLY, Optional.empty(), Optional.empty());
    }
    if (!options.has(Feature.DUAL_STACK)) {
      return v4;
    }
    String first = ips.get(0);
    boolean v6First = isIpv6(first) && !first.toLowerCase().startsWith("fe8");
    return v6First
        ? new Local("::1", "::", DnsLookupFamily.ALL, Optional.of("127.0.0.1"), Optional.of("0.0.0.0"))
        : new Local("127.0.0.1", "0.0.0.0", DnsLookupFamily.ALL, Optional.of("::1"), Optional.of("::"));
  }

  private static boolean isIpv4(String ip) {
    return IPV4.matcher(ip).matches();
  }

  private static boolean isIpv6(String ip) {
    return ip.contains(":");
  }
}
