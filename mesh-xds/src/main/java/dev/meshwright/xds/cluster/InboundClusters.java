package dev.meshwright.xds.cluster;

import com.google.protobuf.Value;
import dev.meshwright.api.mesh.InboundTrafficPolicy;
import dev.meshwright.api.networking.ConnectionPoolSettings;
import dev.meshwright.api.networking.IstioIngressListener;
import dev.meshwright.api.networking.SidecarSpec;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sidecar's inbound clusters ({@code inbound|<targetPort>||}): one per target port of the services its workload
 * serves, or one per Sidecar ingress listener when the Sidecar declares any. The cluster forwards to the
 * application: STATIC to {@code 127.0.0.1:<port>} when the mesh's inbound policy is LOCALHOST (or to the ingress
 * listener's default endpoint), else ORIGINAL_DST bound to the inbound passthrough source address; with the
 * connection pool of the service's DestinationRule or the Sidecar's ingress settings. Pure.
 */
final class InboundClusters {
  private InboundClusters() {}

  private record Target(MeshService service, ServicePort port, int targetPort) {}

  static List<Cluster> build(ProxyContext ctx) {
    Optional<SidecarSpec> sidecar = ctx.scope().sidecar().map(s -> s.spec());
    if (sidecar.isPresent() && !sidecar.get().ingress().isEmpty()) {
      return fromSidecar(ctx, sidecar.get());
    }
    if (ctx.proxy().interceptionMode().equals("NONE")) {
      return List.of();
    }
    TreeMap<Integer, List<Target>> byPort = new TreeMap<>();
    for (ProxyContext.ServiceInstance i : ctx.serviceInstances()) {
      for (ServicePort p : i.service().ports()) {
        Integer target = i.endpoint().ports().get(p.name());
        if (target != null && target > 0) {
          byPort.computeIfAbsent(target, k -> new ArrayList<>()).add(new Target(i.service(), p, target));
        }
      }
    }
    boolean passthrough = ctx.meshConfig().inboundTrafficPolicy().flatMap(InboundTrafficPolicy::mode)
        .orElse(InboundTrafficPolicy.Mode.PASSTHROUGH) == InboundTrafficPolicy.Mode.PASSTHROUGH;
    String bind = passthrough ? "" : localhost(ctx);
    List<Cluster> out = new ArrayList<>();
    byPort.forEach((port, targets) -> {
      Target first = targets.get(0);
      Set<String> seen = new LinkedHashSet<>();
      List<Value> services = new ArrayList<>();
      for (Target t : targets) {
        if (t.port().port() == first.port().port() && seen.add(t.service().hostname())) {
          services.addAll(OutboundClusters.services(t.service()));
        }
      }
      out.add(cluster(ctx, port, bind, first.targetPort(), first.port(), Optional.of(first.service()), services));
    });
    return out;
  }

  private static List<Cluster> fromSidecar(ProxyContext ctx, SidecarSpec sidecar) {
    List<Cluster> out = new ArrayList<>();
    for (IstioIngressListener in : sidecar.ingress()) {
      int number = in.port().flatMap(p -> p.number()).orElse(0);
      ServicePort port = new ServicePort(in.port().flatMap(p -> p.name()).orElse(""), number, number,
          Protocol.parse(in.port().flatMap(p -> p.protocol()).orElse("")));
      String endpoint = in.defaultEndpoint().orElse("");
      String address = "";
      int target = 0;
      if (endpoint.startsWith("unix://")) {
        address = endpoint;
      } else if (!endpoint.isEmpty()) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
          continue;
        }
        try {
          target = Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        address = endpointAddress(ctx, endpoint.substring(0, colon));
      }
      Optional<MeshService> svc = ctx.serviceInstances().stream()
          .filter(i -> i.service().ports().stream().anyMatch(p -> i.endpoint().ports().get(p.name()) != null
              && i.endpoint().ports().get(p.name()) == number))
          .map(ProxyContext.ServiceInstance::service).findFirst();
      out.add(cluster(ctx, number, address, target, port, svc, List.of()));
    }
    return out;
  }

  private static String endpointAddress(ProxyContext ctx, String host) {
    List<String> ips = ctx.proxy().ipAddresses();
    return switch (host) {
      case "$PODIP" -> ips.stream().filter(ip -> ip.indexOf(':') < 0).findFirst().orElse("127.0.0.1");
      case "$PODIPV6" -> ips.stream().filter(ip -> ip.indexOf(':') >= 0).findFirst().orElse("::1");
      case "127.0.0.1" -> ClusterBase.lookupFamily(ips) == Cluster.DnsLookupFamily.V6_ONLY ? "::1" : "127.0.0.1";
      case "[::1]", "::1" -> ClusterBase.lookupFamily(ips) == Cluster.DnsLookupFamily.V4_ONLY ? "127.0.0.1" : "::1";
      default -> "";
    };
  }

  private static String localhost(ProxyContext ctx) {
    return ClusterBase.lookupFamily(ctx.proxy().ipAddresses()) == Cluster.DnsLookupFamily.V6_ONLY ? "::1"
        : "127.0.0.1";
  }

  private static Cluster cluster(ProxyContext ctx, int clusterPort, String bind, int targetPort, ServicePort port,
      Optional<MeshService> svc, List<Value> services) {
    List<LocalityGroup> eps = List.of();
    if (!bind.isEmpty()) {
      LocalityGroup g = new LocalityGroup(null);
      g.add(LbEndpoint.newBuilder().setEndpoint(io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder()
          .setAddress(LoadAssignments.address(bind, targetPort))).build(), Map.of());
      eps = List.of(g);
    }
    Cluster.DiscoveryType type = eps.isEmpty() ? Cluster.DiscoveryType.ORIGINAL_DST : Cluster.DiscoveryType.STATIC;
    ClusterDraft d = ClusterBase.build(ctx, ClusterNames.inbound(clusterPort), type, eps, port, services)
        .orElseThrow();
    Optional<ConnectionPoolSettings> pool = Optional.empty();
    Optional<MergedDestinationRule> rule = svc.flatMap(s -> DestinationRules.forInbound(ctx, s.hostname()));
    if (rule.isPresent() && rule.get().spec().trafficPolicy().isPresent()) {
      pool = EffectivePolicy.forPort(rule.get().spec().trafficPolicy(), port.port()).connectionPool();
      if (d.cluster.hasMetadata()) {
        d.istioField("config", Clusters.string(DestinationRules.configPath(rule.get())));
      }
    }
    Optional<ConnectionPoolSettings> sidecarPool = sidecarPool(ctx, clusterPort);
    if (sidecarPool.isPresent()) {
      pool = sidecarPool;
    }
    ConnectionPools.apply(d, ctx.meshConfig(), pool);
    if (type == Cluster.DiscoveryType.ORIGINAL_DST) {
      d.cluster.setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED);
    }
    if (!bind.equals("127.0.0.1") && !bind.equals("::1")) {
      d.cluster.setUpstreamBindConfig(Clusters.bind(passthroughBindIp(ctx)));
    }
    return d.build();
  }

  private static Optional<ConnectionPoolSettings> sidecarPool(ProxyContext ctx, int port) {
    Optional<SidecarSpec> sidecar = ctx.scope().sidecar().map(s -> s.spec());
    if (sidecar.isEmpty()) {
      return Optional.empty();
    }
    for (IstioIngressListener in : sidecar.get().ingress()) {
      if (in.port().flatMap(p -> p.number()).orElse(0) == port && in.connectionPool().isPresent()) {
        return in.connectionPool();
      }
    }
    return sidecar.get().inboundConnectionPool();
  }

  /** {@code 127.0.0.6}, or {@code ::6} for a proxy with only IPv6 addresses. */
  static String passthroughBindIp(ProxyContext ctx) {
    return ClusterBase.lookupFamily(ctx.proxy().ipAddresses()) == Cluster.DnsLookupFamily.V6_ONLY
        ? Clusters.INBOUND_PASSTHROUGH_BIND_IPV6 : Clusters.INBOUND_PASSTHROUGH_BIND_IPV4;
  }
}
