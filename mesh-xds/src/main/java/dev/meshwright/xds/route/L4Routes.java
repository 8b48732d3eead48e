package dev.meshwright.xds.route;

import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.L4MatchAttributes;
import dev.meshwright.api.networking.RouteDestination;
import dev.meshwright.api.networking.TCPRoute;
import dev.meshwright.api.networking.TLSMatchAttributes;
import dev.meshwright.api.networking.TLSRoute;
import dev.meshwright.api.networking.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * VirtualService TCP and TLS rules for the listener side (they become filter-chain matches and TCP proxies, not RDS):
 * which rules apply to a proxy on a port (a match's gateways, source labels, port and source namespace, as istiod's
 * {@code matchTCP}/{@code matchTLS}), with the destination subnets and SNI hosts of the applying match, and the
 * destination clusters: one cluster for a single destination, else the weighted ones (0 weights dropped). Short hosts
 * are resolved in the VirtualService's namespace. Stateless.
 */
public final class L4Routes {
  private L4Routes() {}

  /** A destination cluster and its weight (the weight is meaningless when it is the only one). */
  public record ClusterWeight(String cluster, int weight) {
    public ClusterWeight {
      Objects.requireNonNull(cluster, "cluster");
    }
  }

  /**
   * One applying match of a rule: its destination subnets, its SNI hosts (TLS only) and the rule's clusters. A rule
   * without matches gives one entry with no subnets and no SNI hosts.
   */
  public record L4Route(List<String> destinationSubnets, List<String> sniHosts, List<ClusterWeight> clusters) {
    public L4Route {
      destinationSubnets = List.copyOf(destinationSubnets);
      sniHosts = List.copyOf(sniHosts);
      clusters = List.copyOf(clusters);
    }
  }

  /** The TCP rules of {@code vs} that apply in {@code ctx}, in order, one entry per applying match. */
  public static List<L4Route> tcp(VirtualService vs, RouteContext ctx) {
    List<L4Route> out = new ArrayList<>();
    for (TCPRoute r : vs.spec().tcp()) {
      List<ClusterWeight> clusters = clusters(vs, r.route(), ctx);
      if (r.match().isEmpty()) {
        out.add(new L4Route(List.of(), List.of(), clusters));
      }
      for (L4MatchAttributes m : r.match()) {
        if (applies(m.gateways(), m.sourceLabels(), m.port().orElse(0), m.sourceNamespace().orElse(""), vs, ctx)) {
          out.add(new L4Route(m.destinationSubnets(), List.of(), clusters));
        }
      }
    }
    return out;
  }

  /** The TLS rules of {@code vs} that apply in {@code ctx}, in order, one entry per applying match. */
  public static List<L4Route> tls(VirtualService vs, RouteContext ctx) {
    List<L4Route> out = new ArrayList<>();
    for (TLSRoute r : vs.spec().tls()) {
      List<ClusterWeight> clusters = clusters(vs, r.route(), ctx);
      for (TLSMatchAttributes m : r.match()) {
        if (applies(m.gateways(), m.sourceLabels(), m.port().orElse(0), m.sourceNamespace().orElse(""), vs, ctx)) {
          out.add(new L4Route(m.destinationSubnets(), m.sniHosts(), clusters));
        }
      }
    }
    return out;
  }

  /** The clusters of a rule's destinations: the only one, else those with a positive weight. */
  public static List<ClusterWeight> clusters(VirtualService vs, List<RouteDestination> routes, RouteContext ctx) {
    List<ClusterWeight> out = new ArrayList<>();
    for (RouteDestination d : routes) {
      if (routes.size() > 1 && d.weight().orElse(0) <= 0) {
        continue;
      }
      Destination dst = ShortNames.destination(d.destination().orElse(Destination.builder().build()),
          vs.namespace(), ctx.domainSuffix());
      out.add(new ClusterWeight(Destinations.cluster(dst, ctx.services(), ctx.listenPort()), d.weight().orElse(0)));
    }
    return out;
  }

  private static boolean applies(List<String> gateways, Map<String, String> sourceLabels, int port,
      String sourceNamespace, VirtualService vs, RouteContext ctx) {
    boolean gateway = gateways.isEmpty()
        || gateways.stream().map(g -> ShortNames.gateway(g, vs.namespace())).anyMatch(ctx.gatewayNames()::contains);
    boolean labels = sourceLabels.entrySet().stream()
        .allMatch(e -> e.getValue().equals(ctx.proxy().labels().get(e.getKey())));
    boolean portOk = port == 0 || port == ctx.listenPort();
    boolean ns = sourceNamespace.isEmpty() || sourceNamespace.equals(ctx.proxy().namespace());
    return gateway && labels && portOk && ns;
  }
}
