package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.L4MatchAttributes;
import dev.meshwright.api.networking.PortSelector;
import dev.meshwright.api.networking.RouteDestination;
import dev.meshwright.api.networking.TCPRoute;
import dev.meshwright.api.networking.TLSMatchAttributes;
import dev.meshwright.api.networking.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds VirtualServices from TCPRoutes ({@code <route>-tcp-<n>-...}) and TLSRoutes ({@code <route>-tls-<n>-...}):
 * one per accepted parent and host, never merged. Stateless apart from the context.
 */
final class L4VirtualServices {
  /** Istio's fixed zero-weight host: it names no service, so it does not follow the domain suffix. */
  private static final String ZERO_WEIGHT_HOST = "internal.cluster.local";

  private final ConversionContext ctx;
  private final Map<String, List<ParentInfo>> parents;
  final List<VsDraft> drafts = new ArrayList<>();

  L4VirtualServices(ConversionContext ctx, Map<String, List<ParentInfo>> parents) {
    this.ctx = ctx;
    this.parents = parents;
  }

  /**
   * Routes for one parent type.
   *
   * @param routes the generated routes
   * @param error the last problem met, or null
   */
  record Rules<T>(List<T> routes, ConfigError error) {}

  List<RouteParentStatus> addTcp(RouteSource src, List<List<BackendRef>> rules) {
    List<RouteParent> refs = ParentResolver.resolve(parents, src.parentRefs(), List.of(), src.gvk(), src.namespace());
    Rules<TCPRoute> mesh = refs.stream().anyMatch(RouteParent::isMesh) ? tcpRules(src, rules, true) : new Rules<>(List.of(), null);
    Rules<TCPRoute> gw = refs.stream().anyMatch(r -> !r.isMesh()) ? tcpRules(src, rules, false) : new Rules<>(List.of(), null);
    List<RouteParentStatus> status = status(src, refs, mesh.error(), gw.error());
    for (RouteParent parent : ParentResolver.accepted(refs)) {
      List<TCPRoute> routes = gw.routes();
      List<String> hosts = List.of("*");
      if (parent.isMesh()) {
        routes = mesh.routes();
        Integer port = parent.reference().getPort();
        if (port != null) {
          List<TCPRoute> withPort = new ArrayList<>();
          for (TCPRoute r : routes) {
            List<L4MatchAttributes> ms = new ArrayList<>();
            r.match().forEach(m -> ms.add(L4MatchAttributes.builder().from(m).port(port).build()));
            if (ms.isEmpty()) {
              ms.add(L4MatchAttributes.builder().port(port).build());
            }
            withPort.add(TCPRoute.builder().from(r).match(ms).build());
          }
          routes = withPort;
        }
        hosts = MeshHosts.of(ctx, parent, src.namespace());
      }
      for (int i = 0; i < hosts.size(); i++) {
        VsDraft d = new VsDraft(src, src.name() + "-tcp-" + i + "-" + GatewayConverter.INTERNAL_SUFFIX, hosts.get(i),
            parent.internalName());
        d.tcp.addAll(routes);
        drafts.add(d);
      }
    }
    return status;
  }

  List<RouteParentStatus> addTls(RouteSource src, List<List<BackendRef>> rules) {
    List<RouteParent> refs = ParentResolver.resolve(parents, src.parentRefs(), List.of(), src.gvk(), src.namespace());
    Rules<TLSRoute> mesh = refs.stream().anyMatch(RouteParent::isMesh) ? tlsRules(src, rules, true) : new Rules<>(List.of(), null);
    Rules<TLSRoute> gw = refs.stream().anyMatch(r -> !r.isMesh()) ? tlsRules(src, rules, false) : new Rules<>(List.of(), null);
    List<RouteParentStatus> status = status(src, refs, mesh.error(), gw.error());
    for (RouteParent parent : ParentResolver.accepted(refs)) {
      List<TLSRoute> routes = gw.routes();
      List<String> hosts = src.hostnames().isEmpty() ? List.of("*") : src.hostnames();
      if (parent.isMesh()) {
        routes = mesh.routes();
        hosts = MeshHosts.of(ctx, parent, src.namespace());
        List<TLSRoute> adjusted = new ArrayList<>();
        for (TLSRoute r : routes) {
          List<TLSMatchAttributes> ms = new ArrayList<>();
          for (TLSMatchAttributes m : r.match()) {
            TLSMatchAttributes.Builder b = TLSMatchAttributes.builder().from(m);
            if (r.match().size() == 1 && m.sniHosts().equals(List.of("*"))) {
              b.sniHosts(hosts);
            }
            if (parent.reference().getPort() != null) {
              b.port(parent.reference().getPort());
            }
            ms.add(b.build());
          }
          adjusted.add(TLSRoute.builder().from(r).match(ms).build());
        }
        routes = adjusted;
      }
      for (int i = 0; i < hosts.size(); i++) {
        String host = hosts.get(i);
        List<TLSRoute> filtered = routes;
        if (parent.isMesh()) {
          filtered = new ArrayList<>();
          for (TLSRoute r : routes) {
            if (r.match().size() == 1 && r.match().get(0).sniHosts().size() > 1) {
              List<String> sni = r.match().get(0).sniHosts().stream().filter(h -> HostNames.matches(host, h)).toList();
              r = TLSRoute.builder().from(r).match(List.of(TLSMatchAttributes.builder().from(r.match().get(0)).sniHosts(sni).build())).build();
            }
            filtered.add(r);
          }
        }
        VsDraft d = new VsDraft(src, src.name() + "-tls-" + i + "-" + GatewayConverter.INTERNAL_SUFFIX, host,
            parent.internalName());
        d.tls.addAll(filtered);
        drafts.add(d);
      }
    }
    return status;
  }

  private List<RouteParentStatus> status(RouteSource src, List<RouteParent> refs, ConfigError meshErr, ConfigError gwErr) {
    List<RouteStatusBuilder.Result> results = new ArrayList<>();
    for (RouteParent r : refs) {
      results.add(new RouteStatusBuilder.Result(r, r.isMesh() ? meshErr : gwErr));
    }
    return RouteStatusBuilder.build(results, src.generation(), ctx.env().clock());
  }

  private Rules<TCPRoute> tcpRules(RouteSource src, List<List<BackendRef>> rules, boolean mesh) {
    return l4Rules(src, rules, mesh, TCPRoute.builder().addRoute(zeroWeight()).build(),
        destinations -> TCPRoute.builder().route(destinations).build());
  }

  private Rules<TLSRoute> tlsRules(RouteSource src, List<List<BackendRef>> rules, boolean mesh) {
    List<String> sni = src.hostnames().isEmpty() ? List.of("*") : src.hostnames();
    return l4Rules(src, rules, mesh, TLSRoute.builder().addRoute(zeroWeight()).build(),
        destinations -> TLSRoute.builder().addMatch(TLSMatchAttributes.builder().sniHosts(sni).build())
            .route(destinations).build());
  }

  /**
   * One route per rule: {@code zeroWeightRoute} (no match) when all its backends weigh 0, else {@code route} of
   * its destinations. A hard error voids every rule; otherwise the last dropped-backend error is kept.
   */
  private <T> Rules<T> l4Rules(RouteSource src, List<List<BackendRef>> rules, boolean mesh, T zeroWeightRoute,
      Function<List<RouteDestination>, T> route) {
    List<T> out = new ArrayList<>();
    ConfigError err = null;
    for (List<BackendRef> refs : rules) {
      List<Backend> backends = refs.stream().map(Backend::of).toList();
      if (Backend.weightSum(backends) == 0) {
        out.add(zeroWeightRoute);
        continue;
      }
      RouteDestinations.Built<RouteDestination> d = RouteDestinations.l4(ctx, backends, src.namespace(), !mesh, src.kind());
      if (d.hardError() != null) {
        return new Rules<>(List.of(), d.hardError());
      }
      if (d.invalidBackend() != null) {
        err = d.invalidBackend();
      }
      out.add(route.apply(d.destinations()));
    }
    return new Rules<>(out, err);
  }

  /**
   * Istio's placeholder for a route whose backends all have weight 0: a fixed host that names no service (so
   * it does not follow the domain suffix), subset {@code zero-weight}, port 65535.
   */
  private static RouteDestination zeroWeight() {
    return RouteDestination.to(Destination.builder().host(ZERO_WEIGHT_HOST).subset("zero-weight")
        .port(PortSelector.of(65535)).build());
  }
}
