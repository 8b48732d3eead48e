package dev.meshwright.api.mesh;

import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.Optional;

/** Istio's {@code host:port} and IP address checks for proxy-facing addresses, with Go's error wording. */
final class ProxyAddresses {
  private ProxyAddresses() {}

  /** A {@code host:port} whose host is a domain name or an IP address and whose port is in range. */
  static Optional<String> hostPort(String address) {
    Split split = split(address);
    if (split.error != null) {
      return Optional.of("unable to split " + Checks.quote(address) + ": address " + address + ": " + split.error);
    }
    int port;
    try {
      port = Integer.parseInt(split.port);
    } catch (NumberFormatException e) {
      return Optional.of("port (" + split.port + ") is not a number: strconv.Atoi: parsing "
          + Checks.quote(split.port) + ": invalid syntax");
    }
    Optional<String> bad = Checks.port(port);
    if (bad.isPresent()) {
      return bad;
    }
    if (Checks.fqdn(split.host).isPresent() && !IpAddresses.isIpWithoutZone(split.host)) {
      return Optional.of(Checks.quote(split.host) + " is not a valid hostname or an IP address");
    }
    return Optional.empty();
  }

  private record Split(String host, String port, String error) {}

  /** Go's net.SplitHostPort. */
  private static Split split(String hostport) {
    int colon = hostport.lastIndexOf(':');
    if (colon < 0) {
      return new Split("", "", "missing port in address");
    }
    String host;
    if (hostport.startsWith("[")) {
      int end = hostport.indexOf(']');
      if (end < 0) {
        return new Split("", "", "missing ']' in address");
      }
      if (end + 1 == hostport.length()) {
        return new Split("", "", "missing port in address");
      }
      if (end + 1 != colon) {
        return new Split("", "", hostport.charAt(end + 1) == ':' ? "too many colons in address" : "missing port in address");
      }
      host = hostport.substring(1, end);
      if (hostport.indexOf('[', 1) >= 0) {
        return new Split("", "", "unexpected '[' in address");
      }
    } else {
      host = hostport.substring(0, colon);
      if (host.contains(":")) {
        return new Split("", "", "too many colons in address");
      }
      if (host.contains("[")) {
        return new Split("", "", "unexpected '[' in address");
      }
    }
    if (hostport.indexOf(']', colon) >= 0) {
      return new Split("", "", "unexpected ']' in address");
    }
    return new Split(host, hostport.substring(colon + 1), null);
  }
}
