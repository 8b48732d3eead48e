package dev.meshwright.xds.route;

import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPMirrorPolicy;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.VirtualService;
import java.util.List;

/**
 * Istio's short-name resolution inside a VirtualService: destination and mirror hosts become FQDNs in the
 * VirtualService's namespace ({@code reviews} → {@code reviews.<ns>.svc.<suffix>}; wildcards, IPs and dotted names
 * stay), match gateways become {@code ns/name} ({@code mesh} stays). Gateway API routes keep their names. Stateless;
 * idempotent.
 */
final class ShortNames {
  private ShortNames() {}

  static String fqdn(String host, String namespace, String domainSuffix) {
    if (host.isEmpty() || host.equals("*") || host.contains(".") || host.contains(":")) {
      return host;
    }
    return namespace.isEmpty() ? host + ".svc." + domainSuffix : host + "." + namespace + ".svc." + domainSuffix;
  }

  /** {@code ref} as {@code ns/name}: {@code ./gw} and {@code gw} in {@code namespace}, {@code gw.ns.svc...} → ns/gw. */
  static String gateway(String ref, String namespace) {
    if (ref.equals(RouteContext.MESH_GATEWAY)) {
      return ref;
    }
    int slash = ref.indexOf('/');
    if (slash >= 0) {
      return ref.substring(0, slash).equals(".") ? namespace + ref.substring(slash) : ref;
    }
    int dot = ref.indexOf('.');
    if (dot < 0) {
      return namespace + "/" + ref;
    }
    String rest = ref.substring(dot + 1);
    int next = rest.indexOf('.');
    return (next < 0 ? rest : rest.substring(0, next)) + "/" + ref.substring(0, dot);
  }

  /** The HTTP routes of {@code vs} with names resolved in {@code vs}'s namespace. */
  static List<HTTPRoute> http(VirtualService vs, String domainSuffix) {
    if (Semantics.of(vs) == Semantics.GATEWAY_API) {
      return vs.spec().http();
    }
    String ns = vs.namespace();
    return vs.spec().http().stream().map(r -> resolve(r, ns, domainSuffix)).toList();
  }

  static HTTPRoute resolve(HTTPRoute r, String ns, String suffix) {
    return HTTPRoute.builder().from(r)
        .match(r.match().stream().map(m -> m.gateways().isEmpty() ? m : HTTPMatchRequest.builder().from(m)
            .gateways(m.gateways().stream().map(g -> gateway(g, ns)).toList()).build()).toList())
        .route(r.route().stream().map(d -> d.destination().isEmpty() ? d : HTTPRouteDestination.builder().from(d)
            .destination(destination(d.destination().get(), ns, suffix)).build()).toList())
        .mirror(r.mirror().map(d -> destination(d, ns, suffix)))
        .mirrors(r.mirrors().stream().map(m -> m.destination().isEmpty() ? m : HTTPMirrorPolicy.builder().from(m)
            .destination(destination(m.destination().get(), ns, suffix)).build()).toList())
        .build();
  }

  static Destination destination(Destination d, String ns, String suffix) {
    return d.host().isEmpty() ? d : Destination.builder().from(d).host(fqdn(d.host().get(), ns, suffix)).build();
  }
}
