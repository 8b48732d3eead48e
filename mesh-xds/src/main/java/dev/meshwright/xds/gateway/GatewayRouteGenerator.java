package dev.meshwright.xds.gateway;

import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.ServerTLSSettings;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.gateway.MergedGateway.BoundServer;
import dev.meshwright.xds.route.RouteContext;
import dev.meshwright.xds.route.RouteTranslator;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * RDS for gateway proxies ({@code buildGatewayHTTPRouteConfig}): for each route name ({@code http.<port>},
 * {@code https.<port>.<portName>.<gw>.<ns>}) the virtual hosts of the VirtualServices bound to the servers
 * behind it, one per host in both the server's and the VirtualService's hosts, named {@code <host>:<port>} with
 * domain {@code [host]} (lower-cased); routes of several VirtualServices on one host are concatenated, catch-all
 * routes last. Hosts with identical routes share one virtual host (Istio's route collapse). {@code httpsRedirect}
 * servers mark their hosts {@code requireTls: ALL}. When nothing matches, one {@code blackhole:<port>} host with
 * domain {@code *} and no routes. A requested name no Gateway serves gets an empty configuration, as istiod
 * answers listeners that are draining. Route translation is delegated to a {@link GatewayRouteBuilder}; with
 * Istio's own ({@link GatewayRouteBuilder#translator()}) each configuration is shared through the snapshot's cache
 * by gateway proxies with the same servers, scope, namespace and labels. Stateless and thread-safe.
 */
public final class GatewayRouteGenerator implements ResourceGenerator {
  static final int MAX_DIRECT_RESPONSE_BODY = 1048576;

  private final GatewayRouteBuilder routes;

  /** A generator translating routes with {@code routes}. */
  public GatewayRouteGenerator(GatewayRouteBuilder routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  /** A generator with Istio's route translation ({@link GatewayRouteBuilder#translator()}). */
  public GatewayRouteGenerator() {
    this(GatewayRouteBuilder.translator());
  }

  @Override
  public String typeUrl() {
    return TypeUrls.ROUTE;
  }

  /**
   * Everything one route configuration of Istio's translation reads besides the snapshot: the servers behind the
   * name, the proxy's Sidecar scope, namespace (VirtualService visibility), labels ({@code sourceLabels}), type,
   * proxyless flag, and the options. Gateway proxies that agree on it share the configuration through the
   * snapshot's {@link dev.meshwright.xds.XdsCache}.
   */
  private record SharedKey(String name, List<BoundServer> servers,
      java.util.Optional<dev.meshwright.api.networking.Sidecar> sidecar, String namespace,
      Map<String, String> labels, dev.meshwright.xds.ProxyType type, boolean proxyless,
      dev.meshwright.xds.XdsOptions options) {}

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    MergedGateway merged = MergedGateway.of(ctx);
    Set<String> wanted = names.isEmpty() ? new TreeSet<>(merged.serversByRouteName().keySet()) : new TreeSet<>(names);
    List<XdsResource> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (String name : wanted) {
      List<BoundServer> servers = merged.serversByRouteName().get(name);
      if (servers == null) {
        out.add(XdsResource.of(name,
            RouteConfiguration.newBuilder().setName(name).setValidateClusters(BoolValue.of(false)).build()));
        continue;
      }
      Output o = shared() ? ctx.cache().get(new SharedKey(name, servers, ctx.scope().sidecar(),
          ctx.proxy().namespace(), ctx.labels(), ctx.proxy().type(), ctx.proxy().isProxylessGrpc(), ctx.options()),
          () -> one(ctx, name, servers)) : one(ctx, name, servers);
      out.addAll(o.resources());
      diags.addAll(o.diagnostics());
    }
    return new Output(out, diags);
  }

  /**
   * Whether route configurations may be shared between proxies: only with Istio's own translation, which is known
   * to read no more of the proxy than {@link SharedKey} holds (another builder may read anything).
   */
  private boolean shared() {
    return routes == GatewayRouteBuilder.translator();
  }

  private Output one(ProxyContext ctx, String name, List<BoundServer> servers) {
    List<Diagnostic> diags = new ArrayList<>();
    RouteConfiguration rc = build(ctx, name, servers, diags);
    return new Output(List.of(XdsResource.of(name, rc)), diags);
  }

  /** A virtual host being assembled; its route list keeps the translated Route instances (identity matters). */
  private static final class Vh {
    final String name;
    final List<String> domains = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    boolean requireTls;

    Vh(String name, String domain) {
      this.name = name;
      this.domains.add(domain);
    }
  }

  private RouteConfiguration build(ProxyContext ctx, String name, List<BoundServer> servers, List<Diagnostic> diags) {
    Map<String, List<VirtualService>> vsByGateway = new HashMap<>();
    Map<String, List<Route>> routeCache = new HashMap<>();
    Map<String, Vh> byHost = new LinkedHashMap<>();
    for (BoundServer bs : servers) {
      int port = bs.serverPort();
      boolean redirect = bs.server().tls().flatMap(ServerTLSSettings::httpsRedirect).orElse(false);
      List<VirtualService> vss = vsByGateway.computeIfAbsent(bs.gateway(),
          gw -> ctx.snapshot().virtualServices().forGateway(gw, ctx.proxy().namespace()));
      for (VirtualService vs : vss) {
        List<String> hosts = GatewayHosts.intersection(GatewayHosts.forNamespace(bs.server().hosts(), vs.namespace()),
            vs.spec().hosts());
        if (hosts.isEmpty()) {
          continue;
        }
        List<Route> vsRoutes = routeCache.computeIfAbsent(bs.gateway() + "|" + vs.name() + "/" + vs.namespace(), k -> {
          GatewayRouteBuilder.Built built = routes.build(ctx, vs, port, bs.gateway(), bs.server().tls().isPresent()
              ? RouteContext.ListenerTls.TERMINATED : RouteContext.ListenerTls.PLAINTEXT);
          diags.addAll(built.diagnostics());
          return built.routes();
        });
        for (String h : hosts) {
          String host = h.toLowerCase(Locale.ROOT);
          Vh vh = byHost.computeIfAbsent(host, k -> new Vh(RouteTranslator.domainName(host, port), host));
          vh.routes.addAll(vsRoutes);
          vh.requireTls |= redirect;
        }
      }
      if (redirect) {
        for (String h : bs.server().hosts()) {
          byHost.computeIfAbsent(h, k -> new Vh(RouteTranslator.domainName(h, port), h.toLowerCase(Locale.ROOT))).requireTls = true;
        }
      }
    }
    List<VirtualHost> vhs = new ArrayList<>();
    if (byHost.isEmpty()) {
      vhs.add(VirtualHost.newBuilder().setName("blackhole:" + servers.get(0).serverPort()).addDomains("*").build());
    } else {
      for (Vh vh : collapse(byHost)) {
        VirtualHost.Builder b = VirtualHost.newBuilder().setName(vh.name).addAllDomains(vh.domains)
            .addAllRoutes(RouteTranslator.catchAllLast(vh.routes)).setIncludeRequestAttemptCount(true);
        if (vh.requireTls) {
          b.setRequireTls(VirtualHost.TlsRequirementType.ALL);
        }
        vhs.add(b.build());
      }
      vhs.sort(Comparator.comparing(VirtualHost::getName));
    }
    return RouteConfiguration.newBuilder().setName(name).addAllVirtualHosts(vhs)
        .setValidateClusters(BoolValue.of(false))
        .setIgnorePortInHostMatching(!ctx.proxy().isProxylessGrpc())
        .setMaxDirectResponseBodySizeBytes(UInt32Value.of(MAX_DIRECT_RESPONSE_BODY))
        .build();
  }

  /**
   * Hosts with the very same routes (the same translated instances, in order) and TLS requirement become one
   * virtual host, named after the first host in Istio's host order, domains appended in that order.
   */
  private static List<Vh> collapse(Map<String, Vh> byHost) {
    List<String> keys = new ArrayList<>(byHost.keySet());
    keys.sort(GatewayRouteGenerator::moreSpecificFirst);
    List<Vh> out = new ArrayList<>();
    Map<SameRoutes, Vh> known = new HashMap<>();
    for (String k : keys) {
      Vh vh = byHost.get(k);
      Vh same = known.putIfAbsent(new SameRoutes(vh.routes, vh.requireTls), vh);
      if (same != null) {
        same.domains.addAll(vh.domains);
      } else {
        out.add(vh);
      }
    }
    return out;
  }

  /** A route list compared by the identity of its elements, plus the TLS requirement. */
  private record SameRoutes(List<Route> routes, boolean requireTls) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof SameRoutes other) || other.requireTls != requireTls || other.routes.size() != routes.size()) {
        return false;
      }
      for (int i = 0; i < routes.size(); i++) {
        if (routes.get(i) != other.routes.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = Boolean.hashCode(requireTls);
      for (Route r : routes) {
        h = 31 * h + System.identityHashCode(r);
      }
      return h;
    }
  }

  /** Istio's host order: non-wildcards first, then longer names first, then alphabetical. */
  static int moreSpecificFirst(String a, String b) {
    boolean wa = a.startsWith("*");
    boolean wb = b.startsWith("*");
    if (wa != wb) {
      return wa ? 1 : -1;
    }
    if (a.length() != b.length()) {
      return b.length() - a.length();
    }
    return a.compareTo(b);
  }
}
