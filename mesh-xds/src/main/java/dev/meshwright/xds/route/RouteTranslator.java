package dev.meshwright.xds.route;

import dev.meshwright.xds.cluster.ClusterNames;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.xds.Proxy;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.route.v3.Decorator;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates a VirtualService's HTTP routes into Envoy routes for one listener port and one set of gateways, as
 * istiod's {@code BuildHTTPRoutesForVirtualService}: each rule yields one route per match (one for a rule without
 * matches) that applies here (the match's port, gateways, source labels and source namespace), in order, stopping
 * after the first catch-all. Each route carries its name ({@code rule.match} names joined by a dot), the
 * VirtualService's config metadata, a decorator, and its action (redirect, direct response, or a route to the
 * destination clusters with timeout, retries, rewrite, mirrors and headers), plus fault and CORS per-filter configs.
 *
 * <p>Delegates must already be merged into the VirtualService ({@link Delegates}); destination hosts are resolved
 * to FQDNs here. Stateless and thread-safe; bad rules become diagnostics, never exceptions.
 */
public final class RouteTranslator {
  private RouteTranslator() {}

  /** The name of a route built without a VirtualService. */
  public static final String DEFAULT_ROUTE_NAME = "default";
  /** The filter metadata key Istio puts its config reference under. */
  public static final String ISTIO_METADATA_KEY = "istio";

  /** Translated routes and the problems met; empty routes mean the VirtualService does not apply here. */
  public record Translation(List<Route> routes, List<Diagnostic> diagnostics) {
    public Translation {
      routes = List.copyOf(routes);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The routes of {@code vs}'s HTTP rules in {@code ctx}. */
  public static Translation translate(VirtualService vs, RouteContext ctx) {
    List<Route> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    Semantics semantics = Semantics.of(vs);
    Metadata metadata = configMetadata(vs);
    List<HTTPRoute> rules = ShortNames.http(vs, ctx.domainSuffix());
    for (int i = 0; i < rules.size(); i++) {
      HTTPRoute rule = rules.get(i);
      boolean stop = false;
      if (rule.match().isEmpty()) {
        translate(vs, rule, Optional.empty(), ctx, semantics, metadata, i, diags).ifPresent(out::add);
        stop = true;
      } else {
        for (HTTPMatchRequest m : rule.match()) {
          Optional<Route> r = translate(vs, rule, Optional.of(m), ctx, semantics, metadata, i, diags);
          if (r.isPresent()) {
            out.add(r.get());
            if (RouteMatches.isCatchAll(r.get().getMatch())) {
              stop = true;
              break;
            }
          }
        }
      }
      if (stop) {
        break;
      }
    }
    return new Translation(out, diags);
  }

  private static Optional<Route> translate(VirtualService vs, HTTPRoute rule, Optional<HTTPMatchRequest> match,
      RouteContext ctx, Semantics semantics, Metadata metadata, int index, List<Diagnostic> diags) {
    if (match.isPresent() && match.get().port().orElse(0) != 0 && match.get().port().get() != ctx.listenPort()) {
      return Optional.empty();
    }
    if (match.isPresent() && !sourceMatches(match.get(), ctx)) {
      return Optional.empty();
    }
    String name = rule.name().orElse("");
    if (match.isPresent() && match.get().name().filter(n -> !n.isEmpty()).isPresent()) {
      name = name + "." + match.get().name().get();
    }
    Route.Builder out = Route.newBuilder().setName(name).setMatch(RouteMatches.of(match, semantics))
        .setMetadata(metadata);
    match.flatMap(HTTPMatchRequest::statPrefix).filter(s -> !s.isEmpty()).ifPresent(out::setStatPrefix);
    Optional<String> authority = Optional.empty();
    if (rule.headers().isPresent()) {
      HeaderOperations ops = HeaderOperations.of(rule.headers().get());
      out.addAllRequestHeadersToAdd(ops.requestToAdd()).addAllResponseHeadersToAdd(ops.responseToAdd())
          .addAllRequestHeadersToRemove(ops.requestToRemove()).addAllResponseHeadersToRemove(ops.responseToRemove());
      authority = ops.authority();
    }
    if (rule.redirect().isPresent()) {
      Optional<RedirectAction> redirect = Redirects.redirect(rule.redirect().get(), ctx, semantics);
      if (redirect.isEmpty()) {
        diags.add(Diagnostic.warning("spec.http[" + index + "].redirect.redirectCode",
            "redirect code " + rule.redirect().get().redirectCode().orElse(0) + " is not supported; route left out")
            .withResource("VirtualService", vs.namespace(), vs.name()));
        return Optional.empty();
      }
      out.setRedirect(redirect.get());
    } else if (rule.directResponse().isPresent()) {
      out.setDirectResponse(Redirects.directResponse(rule.directResponse().get()));
    } else {
      out.setRoute(RouteActions.of(rule, out, authority, ctx, semantics));
    }
    out.setDecorator(Decorator.newBuilder().setOperation(operation(out, vs.name(), ctx.listenPort())));
    rule.fault().ifPresent(f -> out.putTypedPerFilterConfig(Faults.FILTER, Any.pack(Faults.of(f))));
    rule.corsPolicy().ifPresent(c -> out.putTypedPerFilterConfig(Cors.FILTER, Any.pack(Cors.of(c))));
    if (out.hasRoute()) {
      statefulSession(out.getRoute(), ctx).ifPresent(s -> out.putTypedPerFilterConfig(StatefulSessions.FILTER,
          StatefulSessions.perRoute(s)));
    }
    return Optional.of(out.build());
  }

  /**
   * The stateful session of the route's destination services, as Istio picks it: walking the destinations, the
   * last one's config, except that a second configured destination keeps the first.
   */
  private static Optional<io.envoyproxy.envoy.extensions.filters.http.stateful_session.v3.StatefulSession>
      statefulSession(RouteAction action, RouteContext ctx) {
    List<String> clusters = action.hasWeightedClusters()
        ? action.getWeightedClusters().getClustersList().stream().map(c -> c.getName()).toList()
        : List.of(action.getCluster());
    Optional<io.envoyproxy.envoy.extensions.filters.http.stateful_session.v3.StatefulSession> out = Optional.empty();
    for (String c : clusters) {
      var svc = ClusterNames.parse(c).map(k -> ctx.services().get(k.host()));
      var config = svc.flatMap(StatefulSessions::of);
      if (config.isPresent() && out.isPresent()) {
        break;
      }
      out = config;
    }
    return out;
  }

  /** Whether the match's gateways (when it names any) or else its source labels and namespace admit this proxy. */
  static boolean sourceMatches(HTTPMatchRequest m, RouteContext ctx) {
    Proxy proxy = ctx.proxy();
    if (!m.gateways().isEmpty()) {
      return m.gateways().stream().anyMatch(ctx.gatewayNames()::contains);
    }
    boolean labels = m.sourceLabels().entrySet().stream()
        .allMatch(e -> e.getValue().equals(proxy.labels().get(e.getKey())));
    return labels && m.sourceNamespace().map(ns -> ns.isEmpty() || ns.equals(proxy.namespace())).orElse(true);
  }

  /** The trace operation: {@code host:port<path>} for a single valid cluster, else {@code vsName:port<path>}. */
  static String operation(Route.Builder r, String vsName, int port) {
    RouteMatch m = r.getMatch();
    String path = switch (m.getPathSpecifierCase()) {
      case PREFIX -> m.getPrefix() + "*";
      case PATH -> m.getPath();
      case SAFE_REGEX -> m.getSafeRegex().getRegex();
      default -> "/*";
    };
    if (r.hasRoute() && r.getRoute().hasCluster()) {
      Optional<ClusterNames.Key> key = ClusterNames.parse(r.getRoute().getCluster());
      if (key.isPresent()) {
        return key.get().host() + ":" + key.get().port() + path;
      }
    }
    return vsName + ":" + port + path;
  }

  /** {@code filter_metadata.istio.config}: the VirtualService's API path, as Istio tags every route it builds. */
  public static Metadata configMetadata(VirtualService vs) {
    String path = "/apis/networking.istio.io/v1alpha3/namespaces/" + vs.namespace() + "/virtual-service/" + vs.name();
    return Metadata.newBuilder().putFilterMetadata(ISTIO_METADATA_KEY,
        Struct.newBuilder().putFields("config", Value.newBuilder().setStringValue(path).build()).build()).build();
  }

  /**
   * The default outbound route of a service without VirtualService: prefix {@code /} to {@code cluster}, the mesh's
   * default retry policy, no timeout.
   */
  public static Route defaultOutboundRoute(String cluster, String operation,
      dev.meshwright.api.mesh.MeshConfig mesh) {
    RouteAction.Builder action = RouteAction.newBuilder().setCluster(cluster);
    Retries.convert(mesh.defaultHttpRetryPolicy()).ifPresent(action::setRetryPolicy);
    RouteActions.timeout(action, Optional.empty(), false);
    return Route.newBuilder().setName(DEFAULT_ROUTE_NAME).setMatch(RouteMatches.catchAll())
        .setDecorator(Decorator.newBuilder().setOperation(operation)).setRoute(action).build();
  }

  /** The inbound route: prefix {@code /} to {@code cluster}, timeout and max stream duration 0. */
  public static Route defaultInboundRoute(String cluster, String operation) {
    RouteAction.Builder action = RouteAction.newBuilder().setCluster(cluster).setTimeout(Durations.ZERO)
        .setMaxStreamDuration(RouteAction.MaxStreamDuration.newBuilder().setMaxStreamDuration(Durations.ZERO)
            .setGrpcTimeoutHeaderMax(Durations.ZERO));
    return Route.newBuilder().setName(DEFAULT_ROUTE_NAME).setMatch(RouteMatches.catchAll())
        .setDecorator(Decorator.newBuilder().setOperation(operation)).setRoute(action).build();
  }

  /** Istio's trace operation name of a service port: {@code host:port/*}. */
  public static String traceOperation(String host, int port) {
    return domainName(host, port) + "/*";
  }

  /** Whether {@code r} matches every request (prefix {@code /} and no header, query or metadata condition). */
  public static boolean isCatchAll(Route r) {
    return RouteMatches.isCatchAll(r.getMatch());
  }

  /** {@code routes} with the catch-all routes moved to the end, the others in their order (gateway VHs). */
  public static List<Route> catchAllLast(List<Route> routes) {
    List<Route> out = new ArrayList<>(routes.stream().filter(r -> !isCatchAll(r)).toList());
    out.addAll(routes.stream().filter(RouteTranslator::isCatchAll).toList());
    return out;
  }

  /** {@code host:port}, an IPv6 host in brackets. */
  public static String domainName(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
