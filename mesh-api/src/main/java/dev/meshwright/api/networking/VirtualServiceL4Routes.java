package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.List;
import java.util.Optional;

/** Istio's rules for the TLS and TCP routes of a VirtualService. */
final class VirtualServiceL4Routes {
  private VirtualServiceL4Routes() {}

  static void tls(TLSRoute tls, VirtualServiceSpec vs, VirtualServiceChecks.RouteSemantics semantics, Problems p) {
    if (tls.match().isEmpty()) {
      p.at("match").error("TLS route must have at least one match condition");
    }
    for (int i = 0; i < tls.match().size(); i++) {
      tlsMatch(tls.match().get(i), vs, p.at("match").index(i));
    }
    if (tls.route().isEmpty()) {
      p.at("route").error("TLS route is required");
    }
    destinations(tls.route(), semantics, p.at("route"));
  }

  private static void tlsMatch(TLSMatchAttributes m, VirtualServiceSpec vs, Problems p) {
    if (m.sniHosts().isEmpty()) {
      p.at("sniHosts").error("TLS match must have at least one SNI host");
    }
    for (int i = 0; i < m.sniHosts().size(); i++) {
      sniHost(m.sniHosts().get(i), vs, p.at("sniHosts").index(i));
    }
    subnets(m.destinationSubnets(), p.at("destinationSubnets"));
    port(m.port(), p.at("port"));
    Checks.labels(m.sourceLabels(), p.at("sourceLabels"));
    VirtualServiceChecks.gatewayNames(m.gateways(), VirtualServiceChecks.RouteSemantics.ISTIO, p.at("gateways"));
  }

  /** An SNI host must be a (wildcard) domain within one of the VirtualService's hosts; an IP only warns. */
  private static void sniHost(String sni, VirtualServiceSpec vs, Problems p) {
    Optional<String> problem = VirtualServiceChecks.noMeshGateway(vs.gateways())
        ? VirtualServiceChecks.gatewayBoundDomain(sni, true)
        : Checks.wildcardDomain(sni);
    if (problem.isPresent()) {
      if (IpAddresses.isIp(sni)) {
        p.warning("using an IP address (" + Checks.quote(sni)
            + ") goes against SNI spec and most clients do not support this");
      } else {
        p.error(problem.get());
      }
      return;
    }
    if (vs.hosts().stream().noneMatch(h -> VirtualServiceHosts.subsetOf(sni, h))) {
      p.error("SNI host " + Checks.quote(sni) + " is not a compatible subset of any of the virtual service hosts: ["
          + String.join(", ", vs.hosts()) + "]");
    }
  }

  static void tcp(TCPRoute tcp, VirtualServiceChecks.RouteSemantics semantics, Problems p) {
    for (int i = 0; i < tcp.match().size(); i++) {
      L4MatchAttributes m = tcp.match().get(i);
      Problems at = p.at("match").index(i);
      subnets(m.destinationSubnets(), at.at("destinationSubnets"));
      port(m.port(), at.at("port"));
      Checks.labels(m.sourceLabels(), at.at("sourceLabels"));
      VirtualServiceChecks.gatewayNames(m.gateways(), VirtualServiceChecks.RouteSemantics.ISTIO, at.at("gateways"));
    }
    if (tcp.route().isEmpty()) {
      p.at("route").error("TCP route is required");
    }
    destinations(tcp.route(), semantics, p.at("route"));
  }

  private static void subnets(List<String> subnets, Problems p) {
    for (int i = 0; i < subnets.size(); i++) {
      IpAddresses.subnet(subnets.get(i)).ifPresent(p.index(i)::error);
    }
  }

  private static void port(Optional<Integer> port, Problems p) {
    port.filter(n -> n != 0).ifPresent(n -> Checks.port(Integer.toUnsignedLong(n), p));
  }

  private static void destinations(List<RouteDestination> route, VirtualServiceChecks.RouteSemantics semantics,
      Problems p) {
    for (int i = 0; i < route.size(); i++) {
      RouteDestination d = route.get(i);
      Problems at = p.index(i).at("destination");
      if (d.destination().isEmpty()) {
        at.error("destination is required");
      } else if (semantics == VirtualServiceChecks.RouteSemantics.ISTIO) {
        VirtualServiceChecks.destination(d.destination().get(), at);
      }
    }
    VirtualServiceChecks.weights(route.stream().map(RouteDestination::weight).toList(), p);
  }
}
