package dev.meshwright.xds.gateway;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.StringMatch;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Turns the HTTP routes of one VirtualService into Envoy routes for one gateway server: the seam through which
 * the gateway route generator uses the shared route translator ({@code dev.meshwright.xds.route}). Implementations
 * are pure and thread-safe, and never throw for bad config.
 */
@FunctionalInterface
public interface GatewayRouteBuilder {
  /**
   * The routes of {@code vs} on {@code gateway} ({@code ns/name}) for a server on {@code port}; matches naming
   * other gateways or another port are left out.
   */
  Built build(ProxyContext ctx, VirtualService vs, int port, String gateway);

  /** Routes plus the problems found building them. */
  record Built(List<Route> routes, List<Diagnostic> diagnostics) {
    public Built {
      routes = List.copyOf(routes);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * A minimal builder: URI matches (exact, prefix, regex; prefix {@code /} without a match), a cluster or
   * weighted clusters by Istio's destination rule ({@code outbound|port|subset|host}), and redirects. Stands in
   * until the full route translator is wired.
   */
  static GatewayRouteBuilder basic() {
    return (ctx, vs, port, gateway) -> {
      List<Route> out = new ArrayList<>();
      for (HTTPRoute r : vs.spec().http()) {
        List<HTTPMatchRequest> matches = r.match().isEmpty() ? Collections.singletonList(null) : r.match();
        for (HTTPMatchRequest m : matches) {
          if (m != null && (!m.gateways().isEmpty()
              && m.gateways().stream().noneMatch(g -> GatewayHosts.gatewayRef(g, vs.namespace()).equals(gateway))
              || m.port().map(p -> p != port).orElse(false))) {
            continue;
          }
          Route.Builder b = Route.newBuilder().setMatch(match(m));
          r.name().ifPresent(b::setName);
          if (r.redirect().isPresent()) {
            RedirectAction.Builder ra = RedirectAction.newBuilder();
            r.redirect().get().uri().ifPresent(ra::setPathRedirect);
            r.redirect().get().authority().ifPresent(ra::setHostRedirect);
            b.setRedirect(ra);
          } else if (!r.route().isEmpty()) {
            b.setRoute(action(ctx, vs, r.route(), port));
          } else {
            continue;
          }
          out.add(b.build());
        }
      }
      return new Built(out, List.of());
    };
  }

  private static RouteMatch match(HTTPMatchRequest m) {
    RouteMatch.Builder b = RouteMatch.newBuilder();
    StringMatch uri = m == null ? null : m.uri().orElse(null);
    if (uri instanceof StringMatch.Exact e) {
      b.setPath(e.value());
    } else if (uri instanceof StringMatch.Regex rx) {
      b.setSafeRegex(RegexMatcher.newBuilder().setRegex(rx.value()));
    } else if (uri instanceof StringMatch.Prefix p) {
      b.setPrefix(p.value());
    } else {
      b.setPrefix("/");
    }
    return b.build();
  }

  private static RouteAction action(ProxyContext ctx, VirtualService vs, List<HTTPRouteDestination> dests, int port) {
    RouteAction.Builder a = RouteAction.newBuilder();
    if (dests.size() == 1) {
      return a.setCluster(cluster(ctx, vs, dests.get(0), port)).build();
    }
    WeightedCluster.Builder w = WeightedCluster.newBuilder();
    for (HTTPRouteDestination d : dests) {
      if (d.weight().orElse(0) > 0) {
        w.addClusters(WeightedCluster.ClusterWeight.newBuilder().setName(cluster(ctx, vs, d, port))
            .setWeight(com.google.protobuf.UInt32Value.of(d.weight().get())));
      }
    }
    return a.setWeightedClusters(w).build();
  }

  private static String cluster(ProxyContext ctx, VirtualService vs, HTTPRouteDestination d, int port) {
    String host = GatewayHosts.fqdn(d.destination().flatMap(x -> x.host()).orElse(""), vs.namespace(),
        ctx.options().domainSuffix());
    Optional<MeshService> svc = ctx.scope().service(host);
    int p = d.destination().flatMap(x -> x.port()).flatMap(x -> x.number())
        .orElseGet(() -> svc.filter(s -> s.ports().size() == 1).map(s -> s.ports().get(0).port()).orElse(port));
    return ClusterKeys.outbound(p, d.destination().flatMap(x -> x.subset()).orElse(""), host);
  }
}
