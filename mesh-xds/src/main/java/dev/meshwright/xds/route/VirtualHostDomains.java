package dev.meshwright.xds.route;

import dev.meshwright.model.registry.MeshService;
import java.util.ArrayList;
import java.util.List;

/**
 * The domains a service's virtual host answers to, as a proxy in DNS domain {@code <ns>.svc.<suffix>} would call it:
 * the FQDN; the short forms Kubernetes DNS resolves from there (same namespace: {@code name}, {@code name.ns.svc},
 * {@code name.ns}; another namespace: {@code name.ns}, {@code name.ns.svc}; other hosts only where they share a suffix
 * with a non-Kubernetes proxy domain); {@code *.} copies for headless Kubernetes services; the VIP. Each with a
 * {@code :port} twin when the port is kept (proxyless gRPC, or a route serving every port). Stateless.
 */
final class VirtualHostDomains {
  private VirtualHostDomains() {}

  /** Signals "no port suffix". */
  static final int NO_PORT = 0;

  /** The domains of {@code svc} on {@code port}, and separately which of them are alternate (short) names. */
  record Domains(List<String> domains, List<String> altHosts) {}

  static Domains of(MeshService svc, int port, String proxyDnsDomain) {
    List<String> domains = new ArrayList<>();
    List<String> alt = altHosts(svc.hostname(), port, proxyDnsDomain);
    appendWithPort(domains, svc.hostname(), port);
    domains.addAll(alt);
    if (svc.resolution() == MeshService.Resolution.PASSTHROUGH && svc.origin() == MeshService.Origin.KUBERNETES) {
      int n = domains.size();
      for (int i = 0; i < n; i++) {
        domains.add("*." + domains.get(i));
      }
    }
    if (!svc.addresses().isEmpty()) {
      String vip = svc.addresses().get(0);
      if (!vip.isEmpty() && !vip.equals(MeshService.UNSPECIFIED_IP)) {
        appendWithPort(domains, vip, port);
      }
    }
    return new Domains(domains, alt);
  }

  static void appendWithPort(List<String> out, String domain, int port) {
    out.add(ipv6(domain));
    if (port != NO_PORT) {
      out.add(RouteTranslator.domainName(domain, port));
    }
  }

  private static String ipv6(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** Every other Host header that reaches {@code hostname} from a proxy in {@code proxyDomain} (FQDN excluded). */
  static List<String> altHosts(String hostname, int port, String proxyDomain) {
    if (proxyDomain.contains(".svc.")) {
      String suffix = proxyDomain.substring(proxyDomain.indexOf(".svc."));
      return hostname.endsWith(suffix) ? kubernetes(hostname, port, proxyDomain) : List.of();
    }
    String[] host = hostname.split("\\.", -1);
    String[] proxy = proxyDomain.split("\\.", -1);
    int shared = 0;
    while (shared < Math.min(host.length, proxy.length)
        && host[host.length - 1 - shared].equals(proxy[proxy.length - 1 - shared])) {
      shared++;
    }
    if (shared == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int uniqueParts = host.length - shared;
    String unique = String.join(".", java.util.Arrays.copyOfRange(host, 0, uniqueParts));
    appendWithPort(out, unique, port);
    if (uniqueParts == 2) {
      appendWithPort(out, unique + "." + host[uniqueParts], port);
    }
    return out;
  }

  private static List<String> kubernetes(String hostname, int port, String proxyDomain) {
    int id = proxyDomain.indexOf(".svc.");
    int ih = hostname.indexOf(".svc.");
    if (ih <= 0) {
      return List.of();
    }
    int ns = hostname.indexOf('.');
    if (ns + 1 >= hostname.length() || ns + 1 > ih) {
      return List.of();
    }
    String name = hostname.substring(0, ns);
    String nameNs = hostname.substring(0, ih);
    List<String> out = new ArrayList<>();
    if (hostname.substring(ns + 1, ih).equals(proxyDomain.substring(0, id))) {
      appendWithPort(out, name, port);
      appendWithPort(out, nameNs + ".svc", port);
      appendWithPort(out, nameNs, port);
    } else {
      appendWithPort(out, nameNs, port);
      appendWithPort(out, nameNs + ".svc", port);
    }
    return out;
  }
}
