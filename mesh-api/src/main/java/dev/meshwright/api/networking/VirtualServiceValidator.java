package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Istio 1.22's VirtualService rules: hosts and where the routes apply, delegation, every HTTP, TLS and TCP
 * route, {@code exportTo}, and warnings about rules that can never match.
 */
final class VirtualServiceValidator implements Validator<VirtualService> {
  /** Marks routes converted from the Gateway API, which get Gateway API semantics. */
  static final String ROUTE_SEMANTICS = "internal.istio.io/route-semantics";

  private static final String JWT_CLAIM_PREFIX = "@request.auth.claims";

  @Override
  public void validate(VirtualService resource, Problems problems) {
    VirtualServiceSpec spec = resource.spec();
    Problems p = problems.at("spec");
    boolean delegate = spec.hosts().isEmpty();
    if (delegate) {
      if (!spec.gateways().isEmpty()) {
        p.at("gateways").error("delegate virtual service must have no gateways specified");
      }
      if (!spec.tls().isEmpty()) {
        p.at("tls").error("delegate virtual service must have no tls route specified");
      }
      if (!spec.tcp().isEmpty()) {
        p.at("tcp").error("delegate virtual service must have no tcp route specified");
      }
    }
    VirtualServiceChecks.RouteSemantics semantics =
        "gateway".equals(resource.metadata().annotations().get(ROUTE_SEMANTICS))
            ? VirtualServiceChecks.RouteSemantics.GATEWAY_API
            : VirtualServiceChecks.RouteSemantics.ISTIO;
    boolean appliesToGateway = false;
    if (!spec.gateways().isEmpty()) {
      VirtualServiceChecks.gatewayNames(spec.gateways(), semantics, p.at("gateways"));
      appliesToGateway = VirtualServiceChecks.noMeshGateway(spec.gateways());
    }
    if (!appliesToGateway) {
      jwtClaimRoutes(spec, p);
    }
    hosts(spec, appliesToGateway, p);
    if (spec.http().isEmpty() && spec.tcp().isEmpty() && spec.tls().isEmpty()) {
      p.error("http, tcp or tls must be provided in virtual service");
    }
    VirtualServiceHttpRoutes.RouteRole role =
        delegate ? VirtualServiceHttpRoutes.RouteRole.DELEGATE : VirtualServiceHttpRoutes.RouteRole.INDEPENDENT;
    for (int i = 0; i < spec.http().size(); i++) {
      VirtualServiceHttpRoutes.validate(spec.http().get(i), role, semantics, p.at("http").index(i));
    }
    for (int i = 0; i < spec.tls().size(); i++) {
      VirtualServiceL4Routes.tls(spec.tls().get(i), spec, semantics, p.at("tls").index(i));
    }
    for (int i = 0; i < spec.tcp().size(); i++) {
      VirtualServiceL4Routes.tcp(spec.tcp().get(i), semantics, p.at("tcp").index(i));
    }
    Checks.exportTo(spec.exportTo(), resource.namespace(), Checks.NoneExport.FORBIDDEN, p.at("exportTo"));
    VirtualServiceUnreachableRules.http(spec.http(), p);
    VirtualServiceUnreachableRules.tcp(spec.tcp(), p);
    VirtualServiceUnreachableRules.tls(spec.tls(), p);
  }

  /** Routing on JWT claims ({@code @request.auth.claims.x} headers) only works at gateways. */
  private static void jwtClaimRoutes(VirtualServiceSpec spec, Problems p) {
    for (int i = 0; i < spec.http().size(); i++) {
      List<HTTPMatchRequest> matches = spec.http().get(i).match();
      for (int j = 0; j < matches.size(); j++) {
        Problems at = p.at("http").index(i).at("match").index(j);
        jwtClaimKeys(matches.get(j).headers(), spec.gateways(), at.at("headers"));
        jwtClaimKeys(matches.get(j).withoutHeaders(), spec.gateways(), at.at("withoutHeaders"));
      }
    }
  }

  private static void jwtClaimKeys(Map<String, StringMatch> headers, List<String> gateways, Problems p) {
    headers.keySet().stream().sorted().filter(VirtualServiceValidator::isJwtClaim).forEach(key ->
        p.key(key).error("JWT claim based routing (key: " + key + ") is only supported for gateway, found no gateways: ["
            + String.join(" ", gateways) + "]"));
  }

  private static boolean isJwtClaim(String header) {
    if (!header.toLowerCase(Locale.ROOT).startsWith(JWT_CLAIM_PREFIX)) {
      return false;
    }
    String rest = header.substring(JWT_CLAIM_PREFIX.length());
    return (rest.startsWith(".") && rest.length() > 1)
        || (rest.startsWith("[") && rest.endsWith("]") && rest.length() > 2);
  }

  private static void hosts(VirtualServiceSpec spec, boolean appliesToGateway, Problems p) {
    boolean sni = spec.tls().stream().flatMap(t -> t.match().stream()).anyMatch(m -> !m.sniHosts().isEmpty());
    boolean allValid = true;
    for (int i = 0; i < spec.hosts().size(); i++) {
      String host = spec.hosts().get(i);
      Optional<String> problem = appliesToGateway
          ? VirtualServiceChecks.gatewayBoundDomain(host, sni)
          : Checks.wildcardDomain(host);
      if (problem.isPresent()) {
        if (!IpAddresses.isIp(host)) {
          p.at("hosts").index(i).error(problem.get());
          allValid = false;
        }
      } else if (!appliesToGateway && host.equals("*")) {
        p.at("hosts").index(i).error("wildcard host * is not allowed for virtual services bound to the mesh gateway");
        allValid = false;
      }
    }
    if (!allValid) {
      return;
    }
    for (int i = 0; i < spec.hosts().size(); i++) {
      for (int j = i + 1; j < spec.hosts().size(); j++) {
        String a = spec.hosts().get(i);
        String b = spec.hosts().get(j);
        if (VirtualServiceHosts.overlap(a, b)) {
          p.at("hosts").index(j).error("duplicate hosts in virtual service: " + a + " & " + b);
        }
      }
    }
  }
}
