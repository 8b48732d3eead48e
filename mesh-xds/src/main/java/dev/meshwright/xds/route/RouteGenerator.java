package dev.meshwright.xds.route;

import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.OutboundTrafficPolicy;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RDS for Envoy sidecars: the route configurations its listeners name. {@code "<port>"} is the outbound route of a
 * port (every imported HTTP service on it, then the {@code allow_any}/{@code block_all} catch-all per the outbound
 * traffic policy of the Sidecar, else the mesh); {@code "<host>:<port>"} the route of a sniffed port (only that
 * service's virtual host, domain {@code *}); {@code http_proxy} and {@code unix://...} every port; {@code inbound|<port>||} the inbound route.
 * A name it cannot parse gets the empty configuration, as istiod answers. Outbound configurations are shared
 * through the snapshot's cache by proxies with the same inputs. Stateless and thread-safe.
 */
public final class RouteGenerator implements ResourceGenerator {
  /** The route name of the sidecar's HTTP proxy listener. */
  public static final String HTTP_PROXY = "http_proxy";
  /** The prefix of a route named after a Unix domain socket bind; it routes every port, as {@code http_proxy}. */
  public static final String UNIX_PREFIX = "unix://";

  @Override
  public String typeUrl() {
    return TypeUrls.ROUTE;
  }

  /**
   * Everything an outbound route configuration depends on besides the snapshot and its name: the Sidecar and
   * namespace (the scope, the visible VirtualServices), the labels ({@code sourceLabels} matches), the DNS domain
   * (short domains), whether the proxy is proxyless gRPC (timeouts, domains with ports), the proxy type and the
   * options, and whether the proxy's ProxyConfig asks for attempt-count headers. Proxies that agree on it share the configuration ({@link dev.meshwright.xds.XdsCache}).
   */
  private record OutboundKey(String name, Optional<dev.meshwright.api.networking.Sidecar> sidecar, String namespace,
      java.util.Map<String, String> labels, String dnsDomain, boolean proxyless, dev.meshwright.xds.ProxyType type,
      dev.meshwright.xds.XdsOptions options, boolean attemptCount) {}

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    List<dev.meshwright.xds.XdsResource> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(names)) {
      Output o = name.startsWith("inbound|") ? perName(ctx, name) : ctx.cache().get(new OutboundKey(name,
          ctx.scope().sidecar(), ctx.proxy().namespace(), ctx.labels(), ctx.proxy().dnsDomain(),
          ctx.proxy().isProxylessGrpc(), ctx.proxy().type(), ctx.options(),
          OutboundVirtualHosts.includeAttemptCount(ctx)), () -> perName(ctx, name));
      out.addAll(o.resources());
      diags.addAll(o.diagnostics());
    }
    return new Output(out, diags);
  }

  private static Output perName(ProxyContext ctx, String name) {
    return RouteOutputs.perName(Set.of(name), (n, diags) -> Optional.of(build(ctx, n, diags)));
  }

  private static RouteConfiguration build(ProxyContext ctx, String name, List<Diagnostic> diags) {
    if (name.startsWith("inbound|")) {
      return inbound(ctx, name).orElseGet(() -> RouteConfigs.empty(name));
    }
    if (name.equals(HTTP_PROXY) || name.startsWith(UNIX_PREFIX)) {
      return RouteConfigs.outbound(name, OutboundVirtualHosts.build(ctx, 0, name, diags), Optional.of(catchAll(ctx)));
    }
    int colon = name.lastIndexOf(':');
    Optional<Integer> port = parsePort(colon < 0 ? name : name.substring(colon + 1));
    if (port.isEmpty()) {
      return RouteConfigs.empty(name);
    }
    List<VirtualHost> vhs = OutboundVirtualHosts.build(ctx, port.get(), name, diags);
    if (colon < 0) {
      return RouteConfigs.outbound(name, vhs, Optional.of(catchAll(ctx)));
    }
    return RouteConfigs.outbound(name, sniffed(vhs, name, name.substring(0, colon)), Optional.empty());
  }

  /** The virtual host of a sniffed {@code host:port}: the one answering to that name, its domains made {@code *}. */
  static List<VirtualHost> sniffed(List<VirtualHost> vhs, String routeName, String host) {
    List<VirtualHost> out = new ArrayList<>();
    for (VirtualHost vh : vhs) {
      if (vh.getDomainsList().contains(routeName) || vh.getDomainsList().contains(host)) {
        out.add(vh);
      }
    }
    if (out.size() == 1) {
      return List.of(out.get(0).toBuilder().clearDomains().addDomains("*").build());
    }
    return out;
  }

  private static VirtualHost catchAll(ProxyContext ctx) {
    return RouteConfigs.catchAll(outboundPolicy(ctx)).toBuilder()
        .setIncludeRequestAttemptCount(OutboundVirtualHosts.includeAttemptCount(ctx)).build();
  }

  /** The Sidecar's outbound traffic policy, else the mesh's, else ALLOW_ANY. */
  static OutboundTrafficPolicy outboundPolicy(ProxyContext ctx) {
    Optional<OutboundTrafficPolicy> sidecar = ctx.scope().sidecar().flatMap(s -> s.spec().outboundTrafficPolicy());
    return sidecar.or(() -> ctx.meshConfig().outboundTrafficPolicy().map(m -> OutboundTrafficPolicy.builder()
            .mode(m.mode().map(x -> OutboundTrafficPolicy.Mode.valueOf(x.name()))).build()))
        .orElse(OutboundTrafficPolicy.builder().mode(OutboundTrafficPolicy.Mode.ALLOW_ANY).build());
  }

  private static Optional<RouteConfiguration> inbound(ProxyContext ctx, String name) {
    Optional<ClusterNames.Key> key = ClusterNames.parse(name);
    if (key.isEmpty() || !key.get().host().isEmpty() || !key.get().subset().isEmpty()) {
      return Optional.empty();
    }
    int target = key.get().port();
    for (ProxyContext.ServiceInstance i : ctx.serviceInstances()) {
      for (ServicePort p : i.service().ports()) {
        int t = i.endpoint().ports().getOrDefault(p.name(), p.targetPort());
        if (t == target) {
          return Optional.of(RouteConfigs.inbound(target, p.port(),
              RouteTranslator.traceOperation(i.service().hostname(), p.port())));
        }
      }
    }
    return Optional.of(RouteConfigs.inbound(target, target,
        RouteTranslator.traceOperation(ctx.proxy().workloadName() + "." + ctx.proxy().namespace(), target)));
  }

  private static Optional<Integer> parsePort(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
