package dev.meshwright.xds.check;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.References;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The referential check: every cluster a route or TCP proxy names, every route configuration a listener loads
 * and every ClusterLoadAssignment an EDS cluster needs exists in the same output (or is one of the bootstrap's
 * static clusters). A dangling reference is a warning naming the resource and the field, as Envoy would answer
 * such a route with 503 or wait for the missing resource; nothing is removed. A type the proxy asked for by name
 * (not wildcard) is not checked as a target, since the proxy fetches those names itself. Pure.
 */
public final class ReferenceCheck {
  private ReferenceCheck() {}

  /** Clusters every Istio proxy has from its bootstrap, never sent by CDS. */
  public static final Set<String> STATIC_CLUSTERS = Set.of("sds-grpc", "xds-grpc", "agent", "prometheus_stats");

  private static final String TCP_PROXY = "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy";

  /** The dangling references in {@code out}; {@code checkClusters}/{@code checkRoutes}/{@code checkEndpoints} say
   *  which target types are complete enough to check against. */
  static List<Diagnostic> check(XdsResources out, boolean checkClusters, boolean checkRoutes,
      boolean checkEndpoints) {
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> clusters = out.of(TypeUrls.CLUSTER).keySet();
    if (checkClusters) {
      for (XdsResource r : out.of(TypeUrls.ROUTE).values()) {
        RouteConfiguration rc = (RouteConfiguration) r.message();
        for (int v = 0; v < rc.getVirtualHostsCount(); v++) {
          VirtualHost vh = rc.getVirtualHosts(v);
          for (int i = 0; i < vh.getRoutesCount(); i++) {
            String path = "virtual_hosts[" + v + "].routes[" + i + "].route";
            for (String c : routeClusters(vh.getRoutes(i))) {
              if (!clusters.contains(c) && !STATIC_CLUSTERS.contains(c)) {
                problems.add(dangling("RouteConfiguration", r.name(), path, "cluster", c));
              }
            }
          }
        }
      }
      for (XdsResource r : out.of(TypeUrls.LISTENER).values()) {
        Listener l = (Listener) r.message();
        for (int i = 0; i < l.getFilterChainsCount(); i++) {
          tcpClusters(l.getFilterChains(i), "filter_chains[" + i + "]", clusters, r.name(), problems);
        }
      }
    }
    if (checkRoutes) {
      Set<String> routes = out.of(TypeUrls.ROUTE).keySet();
      for (XdsResource r : out.of(TypeUrls.LISTENER).values()) {
        for (String name : References.routeNames(List.of((Listener) r.message()))) {
          if (!routes.contains(name)) {
            problems.add(dangling("Listener", r.name(), "rds.route_config_name", "route configuration", name));
          }
        }
      }
    }
    if (checkEndpoints) {
      Set<String> cla = out.of(TypeUrls.ENDPOINT).keySet();
      List<Cluster> all = out.of(TypeUrls.CLUSTER).values().stream().map(r -> (Cluster) r.message()).toList();
      for (String name : References.edsNames(all)) {
        if (!cla.contains(name)) {
          problems.add(dangling("Cluster", name, "eds_cluster_config.service_name", "ClusterLoadAssignment", name));
        }
      }
    }
    return problems;
  }

  private static Diagnostic dangling(String kind, String name, String path, String what, String target) {
    return Diagnostic.warning(path, "refers to " + what + " \"" + target + "\", which is not generated")
        .withResource(kind, "", name);
  }

  static List<String> routeClusters(Route route) {
    if (!route.hasRoute()) {
      return List.of();
    }
    RouteAction a = route.getRoute();
    List<String> out = new ArrayList<>();
    if (a.hasWeightedClusters()) {
      for (WeightedCluster.ClusterWeight w : a.getWeightedClusters().getClustersList()) {
        out.add(w.getName());
      }
    } else if (!a.getCluster().isEmpty()) {
      out.add(a.getCluster());
    }
    a.getRequestMirrorPoliciesList().forEach(m -> out.add(m.getCluster()));
    return out;
  }

  private static void tcpClusters(FilterChain fc, String path, Set<String> clusters, String listener,
      List<Diagnostic> problems) {
    for (Filter f : fc.getFiltersList()) {
      if (!f.hasTypedConfig() || !f.getTypedConfig().getTypeUrl().equals(TCP_PROXY)) {
        continue;
      }
      TcpProxy tcp = unpack(f.getTypedConfig());
      if (tcp == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      if (tcp.hasWeightedClusters()) {
        tcp.getWeightedClusters().getClustersList().forEach(c -> names.add(c.getName()));
      } else {
        names.add(tcp.getCluster());
      }
      for (String c : names) {
        if (!clusters.contains(c) && !STATIC_CLUSTERS.contains(c)) {
          problems.add(dangling("Listener", listener, path + ".tcp_proxy", "cluster", c));
        }
      }
    }
  }

  private static TcpProxy unpack(Any any) {
    try {
      return any.unpack(TcpProxy.class);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }
}
