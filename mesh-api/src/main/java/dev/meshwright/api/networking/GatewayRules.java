package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules Gateway servers, Sidecar listeners and workload endpoints share: port names, {@code namespace/host}
 * entries and {@code unix://} socket paths. Stateless.
 */
final class GatewayRules {
  /** Prefix of a bind address that names a unix domain socket. */
  static final String UNIX_PREFIX = "unix://";

  private GatewayRules() {}

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
    if (domain.isPresent() && (!gateway || !IpAddresses.isIp(hostname))) {
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
