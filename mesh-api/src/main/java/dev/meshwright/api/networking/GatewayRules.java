package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules Gateway servers and Sidecar listeners share: Istio's port protocols, {@code namespace/host} entries,
 * {@code unix://} and IP binds. Stateless.
 */
final class GatewayRules {
  /** Prefix of a bind address that names a unix domain socket. */
  static final String UNIX_PREFIX = "unix://";

  private static final Pattern IPV4 =
      Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  private GatewayRules() {}

  /** Istio's port protocols ({@code pkg/config/protocol}); names are matched case-insensitively. */
  enum Protocol {
    TCP, UDP, GRPC, GRPC_WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL, UNSUPPORTED;

    static Protocol parse(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "tcp" -> TCP;
        case "udp" -> UDP;
        case "grpc" -> GRPC;
        case "grpc-web" -> GRPC_WEB;
        case "http" -> HTTP;
        case "http_proxy" -> HTTP_PROXY;
        case "http2" -> HTTP2;
        case "https" -> HTTPS;
        case "tls" -> TLS;
        case "mongo" -> MONGO;
        case "redis" -> REDIS;
        case "mysql" -> MYSQL;
        default -> UNSUPPORTED;
      };
    }

    boolean isHttp() {
      return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
    }

    boolean isTls() {
      return this == HTTPS || this == TLS;
    }
  }

  /** Istio's {@code ValidateProtocol}: empty (sniffed) or a known protocol. */
  static Optional<String> protocol(String protocol) {
    return !protocol.isEmpty() && Protocol.parse(protocol) == Protocol.UNSUPPORTED
        ? Optional.of("unsupported protocol: " + protocol)
        : Optional.empty();
  }

  /** Istio's {@code ValidatePortName}: a DNS-1123 label. */
  static Optional<String> portName(String name) {
    return Checks.isDns1123Label(name) ? Optional.empty() : Optional.of("invalid port name: " + name);
  }

  /** A unix socket path: {@code @abstract} or an absolute file path. */
  static Optional<String> unixAddress(String addr) {
    if (addr.isEmpty()) {
      return Optional.of("unix address must not be empty");
    }
    if (addr.startsWith("@")) {
      return Optional.empty();
    }
    if (!addr.startsWith("/") || addr.endsWith("/")) {
      return Optional.of(addr + " is not an absolute path to a file");
    }
    return Optional.empty();
  }

  /** Istio's {@code ValidateIPAddress}. */
  static Optional<String> ipAddress(String addr) {
    return isIpAddress(addr) ? Optional.empty() : Optional.of(addr + " is not a valid IP");
  }

  /** Whether {@code s} is an IPv4 or IPv6 address literal (no CIDR), as Go's {@code netip.ParseAddr} reads it. */
  static boolean isIpAddress(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    String addr = s;
    int zone = addr.indexOf('%');
    if (zone >= 0) {
      if (zone == addr.length() - 1) {
        return false;
      }
      addr = addr.substring(0, zone);
    }
    if (!addr.contains(":")) {
      return false;
    }
    String rest = addr;
    int lastColon = rest.lastIndexOf(':');
    String tail = rest.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!IPV4.matcher(tail).matches()) {
        return false;
      }
      rest = rest.substring(0, lastColon + 1) + "0:0";
    }
    int dbl = rest.indexOf("::");
    if (dbl >= 0 && rest.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    List<String> parts = new ArrayList<>();
    if (dbl >= 0) {
      String left = rest.substring(0, dbl);
      String right = rest.substring(dbl + 2);
      if (!left.isEmpty()) {
        parts.addAll(List.of(left.split(":", -1)));
      }
      if (!right.isEmpty()) {
        parts.addAll(List.of(right.split(":", -1)));
      }
    } else {
      parts.addAll(List.of(rest.split(":", -1)));
    }
    for (String p : parts) {
      if (!HEX_GROUP.matcher(p).matches()) {
        return false;
      }
    }
    return dbl >= 0 ? parts.size() < 8 : parts.size() == 8;
  }

  /** Istio's {@code ValidatePartialWildCard}: {@code *} only alone or as {@code *.}. */
  static Optional<String> partialWildcard(String host) {
    return host.contains("*") && host.length() != 1 && !host.startsWith("*.")
        ? Optional.of("partial wildcard " + Checks.quote(host) + " not allowed")
        : Optional.empty();
  }

  /** Who owns a {@code namespace/host} entry. */
  enum HostOwner {
    GATEWAY,
    GATEWAY_API_GATEWAY,
    SIDECAR
  }

  /** Istio's {@code ValidateNamespaceSlashWildcardHostname} for a Gateway server or Sidecar egress host. */
  static void namespaceSlashHost(String hostname, HostOwner owner, Problems p) {
    boolean gateway = owner != HostOwner.SIDECAR;
    int slash = hostname.indexOf('/');
    if (slash < 0) {
      if (gateway) {
        hostPart(hostname, true, p);
      } else {
        p.error("host must be of form namespace/dnsName");
      }
      return;
    }
    String ns = hostname.substring(0, slash);
    String host = hostname.substring(slash + 1);
    if (ns.isEmpty() || host.isEmpty()) {
      p.error("config namespace and dnsName in host entry cannot be empty");
    }
    boolean special = ns.equals("*") || ns.equals(".")
        || (ns.equals("~") && owner != HostOwner.GATEWAY);
    if (!special && !Checks.isDns1123Label(ns)) {
      p.error("invalid namespace value " + Checks.quote(ns) + (gateway ? " in gateway" : " in sidecar"));
    }
    hostPart(host, gateway, p);
  }

  private static void hostPart(String hostname, boolean gateway, Problems p) {
    if (!hostname.equals("*") && !hostname.contains(".")) {
      p.error("short names (non FQDN) are not allowed");
    }
    Optional<String> domain = Checks.wildcardDomain(hostname);
    if (domain.isPresent() && (!gateway || !isIpAddress(hostname))) {
      p.error(domain.get());
    }
    partialWildcard(hostname).ifPresent(p::error);
  }

  /** A port printed the way Go prints the proto message in Istio's messages. */
  static String describe(Port port) {
    List<String> parts = new ArrayList<>();
    port.number().filter(n -> n != 0).ifPresent(n -> parts.add("number:" + n));
    port.protocol().filter(s -> !s.isEmpty()).ifPresent(s -> parts.add("protocol:" + Checks.quote(s)));
    port.name().filter(s -> !s.isEmpty()).ifPresent(s -> parts.add("name:" + Checks.quote(s)));
    port.targetPort().filter(n -> n != 0).ifPresent(n -> parts.add("target_port:" + n));
    return String.join(" ", parts);
  }
}
