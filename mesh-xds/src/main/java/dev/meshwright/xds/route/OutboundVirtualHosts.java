package dev.meshwright.xds.route;

import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.ProxyHeaders;
import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.meshwright.xds.ProxyContext;

/**
 * The outbound virtual hosts of one port of a sidecar (or proxyless gRPC client), as istiod's
 * {@code BuildSidecarOutboundVirtualHosts}: each imported HTTP (or sniffed) service on the port gets a virtual host
 * {@code <host>:<port>}, routed by the VirtualService that claims its host (exact host first, else the most specific
 * wildcard) or by a default route to its cluster; VirtualService hosts that are no service get a virtual host of
 * their own on port 80 only. A Gateway API route applies only to services in its namespace, unless the proxy is in it
 * too. Domains follow {@link VirtualHostDomains}; a domain already taken by an earlier virtual
 * host is dropped. Port 0 (an HTTP proxy route) gathers every port. Unsorted; stateless.
 */
final class OutboundVirtualHosts {
  private OutboundVirtualHosts() {}

  /** One virtual-host group: a port, its services, VirtualService-only hosts and the routes they share. */
  private record Wrapper(int port, List<MeshService> services, List<String> vsHosts, List<Route> routes) {}

  static List<VirtualHost> build(ProxyContext ctx, int port, String routeName, List<Diagnostic> diags) {
    java.util.Optional<IstioEgressListener> egress = EgressListeners.forRoute(ctx, port, routeName);
    int listenerPort = EgressListeners.httpProxy(egress) ? 0 : port;
    List<MeshService> imported = egress.map(l -> ctx.scope().services().stream()
        .filter(s -> EgressListeners.imports(ctx, l, s)).toList()).orElse(ctx.scope().services());
    Map<String, MeshService> byName = servicesOnPort(imported, listenerPort);
    List<VirtualService> vses = MeshVirtualServices.forProxy(ctx, egress, diags);
    if (listenerPort != 80) {
      List<String> wildcardServices = byName.keySet().stream().filter(HostNames::wildcard).toList();
      vses = vses.stream().filter(vs -> vs.spec().hosts().stream()
          .anyMatch(h -> namesAService(h, byName, wildcardServices))).toList();
    }
    Map<String, VirtualService> claims = claims(vses, byName.values());
    HashPolicies hashes = hashPolicies(ctx);
    RouteContext rctx = RouteContext.sidecar(ctx.proxy(), listenerPort, byName, ctx.meshConfig(),
        ctx.options().domainSuffix()).withHashPolicies(hashes);
    List<Wrapper> wrappers = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    for (VirtualService vs : vses) {
      RouteTranslator.Translation t = RouteTranslator.translate(vs, rctx);
      diags.addAll(t.diagnostics());
      if (t.routes().isEmpty()) {
        continue;
      }
      boolean gatewayApi = Semantics.of(vs) == Semantics.GATEWAY_API;
      List<String> vsHosts = new ArrayList<>();
      List<MeshService> matching = new ArrayList<>();
      separate(vs, gatewayApi, byName, claims, vsHosts, matching);
      if (gatewayApi && matching.stream().noneMatch(m -> m.namespace().equals(vs.namespace())
          || ctx.proxy().namespace().equals(vs.namespace()))) {
        continue;
      }
      Map<Integer, List<MeshService>> byPort = new TreeMap<>();
      for (MeshService s : matching) {
        for (ServicePort p : s.ports()) {
          if (httpOrSniffed(p)) {
            byPort.computeIfAbsent(p.port(), k -> new ArrayList<>()).add(s);
          }
        }
      }
      if (byPort.isEmpty() && listenerPort == 80) {
        byPort.put(80, List.of());
      }
      byPort.forEach((p, svcs) -> wrappers.add(new Wrapper(p, svcs, vsHosts, t.routes())));
    }
    wrappers.forEach(w -> w.services().forEach(s -> claimed.add(s.hostname())));
    for (MeshService s : byName.values()) {
      if (claimed.contains(s.hostname())) {
        continue;
      }
      for (ServicePort p : s.ports()) {
        if (httpOrSniffed(p)) {
          String cluster = ClusterNames.outbound(p.port(), "", s.hostname());
          Route route = RouteTranslator.defaultOutboundRoute(cluster,
              RouteTranslator.traceOperation(s.hostname(), p.port()), ctx.meshConfig());
          java.util.Optional<RouteAction.HashPolicy> hash = hashes.forService(s.hostname(), p.port());
          if (hash.isPresent()) {
            route = route.toBuilder().setRoute(route.getRoute().toBuilder().addHashPolicy(hash.get())).build();
          }
          wrappers.add(new Wrapper(p.port(), List.of(s), List.of(), List.of(route)));
        }
      }
    }
    return virtualHosts(ctx, listenerPort, wrappers);
  }

  /**
   * Splits {@code vs}'s hosts into the services they name ({@code matching}; a wildcard only takes the services it
   * claims) and hosts that are no service ({@code vsHosts}; Gateway API wildcards always stay hosts).
   */
  private static void separate(VirtualService vs, boolean gatewayApi, Map<String, MeshService> byName,
      Map<String, VirtualService> claims, List<String> vsHosts, List<MeshService> matching) {
    for (String h : vs.spec().hosts()) {
      if (HostNames.wildcard(h) && gatewayApi) {
        vsHosts.add(h);
      } else if (HostNames.wildcard(h)) {
        boolean any = false;
        for (MeshService s : byName.values()) {
          if (HostNames.matches(s.hostname(), h)) {
            any = true;
            if (claims.get(s.hostname()) == vs && !matching.contains(s)) {
              matching.add(s);
            }
          }
        }
        if (!any) {
          vsHosts.add(h);
        }
      } else if (byName.containsKey(h)) {
        matching.add(byName.get(h));
      } else {
        vsHosts.add(h);
      }
    }
  }

  private static List<VirtualHost> virtualHosts(ProxyContext ctx, int listenerPort, List<Wrapper> wrappers) {
    boolean keepPorts = ctx.proxy().isProxylessGrpc();
    boolean attemptCount = includeAttemptCount(ctx);
    Set<String> known = new HashSet<>();
    for (Wrapper w : wrappers) {
      for (MeshService s : w.services()) {
        known.add(RouteTranslator.domainName(s.hostname(), w.port()));
        known.add(s.hostname());
      }
    }
    Set<String> names = new HashSet<>();
    Set<String> taken = new HashSet<>();
    Map<Integer, List<VirtualHost>> byPort = new TreeMap<>();
    for (Wrapper w : wrappers) {
      if (w.routes().isEmpty()) {
        continue;
      }
      List<VirtualHost> out = byPort.computeIfAbsent(w.port(), k -> new ArrayList<>());
      for (String h : w.vsHosts()) {
        String name = RouteTranslator.domainName(h, w.port());
        List<String> domains = new ArrayList<>();
        VirtualHostDomains.appendWithPort(domains, h, keepPorts ? w.port() : VirtualHostDomains.NO_PORT);
        vhost(name, domains, List.of(), known, names, taken, w.routes(), attemptCount).ifPresent(out::add);
      }
      for (MeshService s : w.services()) {
        String name = RouteTranslator.domainName(s.hostname(), w.port());
        int suffixPort = !keepPorts && listenerPort != 0 ? VirtualHostDomains.NO_PORT : w.port();
        VirtualHostDomains.Domains d = VirtualHostDomains.of(s, suffixPort, ctx.proxy().dnsDomain());
        vhost(name, d.domains(), d.altHosts(), known, names, taken, w.routes(), attemptCount)
            .map(vh -> StatefulSessions.of(s).map(c -> vh.toBuilder()
                .putTypedPerFilterConfig(StatefulSessions.FILTER, StatefulSessions.perRoute(c)).build()).orElse(vh))
            .ifPresent(out::add);
      }
    }
    if (listenerPort != 0) {
      return byPort.getOrDefault(listenerPort, List.of());
    }
    List<VirtualHost> all = new ArrayList<>();
    byPort.forEach((p, vhs) -> {
      for (VirtualHost vh : vhs) {
        if (p == 80) {
          all.add(vh);
        } else {
          List<String> withPort = vh.getDomainsList().stream().filter(x -> x.contains(":")).toList();
          if (!withPort.isEmpty()) {
            all.add(vh.toBuilder().clearDomains().addAllDomains(withPort).build());
          }
        }
      }
    });
    return all;
  }

  private static java.util.Optional<VirtualHost> vhost(String name, List<String> domains, List<String> alt,
      Set<String> known, Set<String> names, Set<String> taken, List<Route> routes, boolean attemptCount) {
    if (!names.add(name)) {
      return java.util.Optional.empty();
    }
    List<String> kept = new ArrayList<>();
    for (String d : domains) {
      String lower = d.toLowerCase(Locale.ROOT);
      if (taken.contains(lower) || (alt.contains(d) && known.contains(d))) {
        continue;
      }
      kept.add(d);
      taken.add(lower);
    }
    if (kept.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(VirtualHost.newBuilder().setName(name).addAllDomains(kept).addAllRoutes(routes)
        .setIncludeRequestAttemptCount(attemptCount).build());
  }

  /** Whether VHs ask Envoy for x-envoy-attempt-count: unless the proxy's effective ProxyConfig's proxyHeaders disable it. */
  static boolean includeAttemptCount(ProxyContext ctx) {
    return !ctx.proxyConfig().proxyHeaders()
        .flatMap(ProxyHeaders::attemptCount).flatMap(ProxyHeaders.AttemptCount::disabled).orElse(false);
  }

  /** The proxy's DestinationRules (the first merged rule for a host) as hash policies. */
  static HashPolicies hashPolicies(ProxyContext ctx) {
    String ns = ctx.proxy().namespace();
    return HashPolicies.of(host -> ctx.snapshot().destinationRules(ns, host).stream().findFirst()
        .map(MergedDestinationRule::spec));
  }

  /** Whether host {@code h} matches a service name ({@link HostNames#matches}), without trying every service. */
  private static boolean namesAService(String h, Map<String, MeshService> byName, List<String> wildcardServices) {
    if (HostNames.wildcard(h)) {
      return byName.keySet().stream().anyMatch(s -> HostNames.matches(h, s));
    }
    return byName.containsKey(h) || wildcardServices.stream().anyMatch(s -> HostNames.matches(h, s));
  }

  static boolean httpOrSniffed(ServicePort p) {
    return p.protocol().isHttp() || p.autoDetect();
  }

  /** The imported services that serve {@code port} (all of them for 0), each narrowed to that port; no aliases. */
  static Map<String, MeshService> servicesOnPort(List<MeshService> services, int port) {
    Map<String, MeshService> out = new LinkedHashMap<>();
    for (MeshService s : services) {
      if (s.resolution() == MeshService.Resolution.ALIAS) {
        continue;
      }
      if (port == 0) {
        out.put(s.hostname(), s);
      } else {
        s.port(port).ifPresent(p -> out.put(s.hostname(), new MeshService(s.hostname(), s.namespace(), s.name(),
            s.origin(), s.addresses(), List.of(p), s.resolution(), s.location(), s.exportTo(), s.selector(),
            s.labels(), s.externalName())));
      }
    }
    return out;
  }

  /** For each service, the VirtualService whose host claims it: the exact host, else the most specific wildcard. */
  private static Map<String, VirtualService> claims(List<VirtualService> vses, java.util.Collection<MeshService> svcs) {
    Map<String, VirtualService> exact = new LinkedHashMap<>();
    Map<String, VirtualService> wild = new LinkedHashMap<>();
    for (VirtualService vs : vses) {
      for (String h : vs.spec().hosts()) {
        (HostNames.wildcard(h) ? wild : exact).putIfAbsent(h, vs);
      }
    }
    Map<String, VirtualService> out = new LinkedHashMap<>();
    for (MeshService s : svcs) {
      VirtualService vs = HostNames.mostSpecific(s.hostname(), exact, wild);
      if (vs != null) {
        out.put(s.hostname(), vs);
      }
    }
    return out;
  }
}
