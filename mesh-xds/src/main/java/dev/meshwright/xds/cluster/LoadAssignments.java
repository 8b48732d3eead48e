package dev.meshwright.xds.cluster;

import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TrafficPolicy;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The endpoints of a cluster as Istio's endpoint builder makes them, for EDS ({@link #forCluster}) and for the
 * {@code loadAssignment} of STATIC and DNS clusters: the service's endpoints serving the port, with the subset's
 * labels, healthy (draining only for persistent-session services), grouped by locality (sorted), each with its
 * target port, weight, health and {@code istio} metadata, {@code tlsMode: istio} when the client will use mTLS
 * to it; locality load balancing applied for EDS; SNI-DNAT ({@code outbound_.}) names keep only mTLS endpoints.
 * Pure and thread-safe.
 */
public final class LoadAssignments {
  private LoadAssignments() {}

  /** The service label that keeps draining endpoints in rotation. */
  public static final String PERSISTENT_SESSION_LABEL = "istio.io/persistent-session";
  /** The filter metadata key Envoy matches transport sockets on. */
  public static final String TRANSPORT_SOCKET_MATCH = "envoy.transport_socket_match";

  /** Everything the assignment of one cluster name depends on besides the snapshot (see {@link ProxyFacts}). */
  private record Key(String clusterName, Optional<MeshService> service, ProxyFacts facts) {}

  /**
   * The ClusterLoadAssignment for {@code clusterName} as a resource, shared through the snapshot's cache by proxies
   * with the same {@code facts} (those of {@code ctx}) and the same imported service of that name.
   */
  public static dev.meshwright.xds.XdsResource resource(ProxyContext ctx, ProxyFacts facts, String clusterName) {
    Optional<MeshService> svc = ClusterNames.parse(clusterName).flatMap(k -> ctx.scope().service(k.host()));
    return ctx.cache().get(new Key(clusterName, svc, facts), () -> dev.meshwright.xds.ResourceGenerator.Output.of(
        List.of(dev.meshwright.xds.XdsResource.of(clusterName, forCluster(ctx, clusterName))))).resources().get(0);
  }

  /**
   * The ClusterLoadAssignment for {@code clusterName} ({@code outbound|port|subset|host}); no endpoints when the
   * name is not an outbound key, the host is not imported, the port unknown or the service resolved by DNS.
   */
  public static ClusterLoadAssignment forCluster(ProxyContext ctx, String clusterName) {
    ClusterLoadAssignment empty = ClusterLoadAssignment.newBuilder().setClusterName(clusterName).build();
    Optional<ClusterNames.Key> key = ClusterNames.parse(clusterName)
        .filter(k -> k.direction() == ClusterNames.Direction.OUTBOUND);
    if (key.isEmpty()) {
      return empty;
    }
    Optional<MeshService> svc = ctx.scope().service(key.get().host());
    Optional<ServicePort> port = svc.flatMap(s -> s.port(key.get().port()));
    if (port.isEmpty() || isDns(svc.get())) {
      return empty;
    }
    Optional<MergedDestinationRule> rule = DestinationRules.forHost(ctx, svc.get().hostname());
    String subset = key.get().subset();
    List<LocalityGroup> groups = groups(ctx, svc.get(), port.get(), subset, rule, true);
    if (ClusterNames.isSniForm(clusterName)) {
      groups.forEach(LoadAssignments::keepMtlsOnly);
    }
    if (groups.isEmpty()) {
      return empty;
    }
    EffectivePolicy policy = DestinationRules.policy(rule, port.get().port(), subset);
    Optional<dev.meshwright.api.networking.LocalityLoadBalancerSetting> setting = LocalityLoadBalancing.effective(
        ctx.meshConfig().localityLbSetting(), policy.loadBalancer().flatMap(LoadBalancerSettings::localityLbSetting));
    if (setting.isPresent()) {
      groups = LocalityLoadBalancing.apply(groups, Localities.ofProxy(ctx), ctx.labels(), setting.get(),
          policy.outlierDetection().isPresent(), true);
    }
    ClusterLoadAssignment.Builder b = ClusterLoadAssignment.newBuilder().setClusterName(clusterName);
    groups.forEach(g -> b.addEndpoints(g.build()));
    return b.build();
  }

  /** SNI-DNAT clusters pass the client's mTLS through: only endpoints that speak Istio mTLS stay. */
  private static void keepMtlsOnly(LocalityGroup g) {
    for (int i = g.endpoints.size() - 1; i >= 0; i--) {
      if (!g.endpoints.get(i).getMetadata().containsFilterMetadata(TRANSPORT_SOCKET_MATCH)) {
        g.endpoints.remove(i);
        g.labels.remove(i);
      }
    }
    g.weight = g.endpoints.isEmpty() ? null : g.weightSum();
  }

  static boolean isDns(MeshService s) {
    return s.resolution() == MeshService.Resolution.DNS || s.resolution() == MeshService.Resolution.DNS_ROUND_ROBIN;
  }

  /**
   * The locality groups of ({@code svc}, {@code port}, {@code subset}); {@code ipOnly} drops endpoints whose
   * address is not an IP (EDS; DNS clusters keep host names).
   */
  static List<LocalityGroup> groups(ProxyContext ctx, MeshService svc, ServicePort port, String subset,
      Optional<MergedDestinationRule> rule, boolean ipOnly) {
    Map<String, String> subsetLabels = rule.flatMap(r -> DestinationRules.subset(r.spec(), subset))
        .map(Subset::labels).orElse(Map.of());
    Optional<ClientTLSSettings.TLSmode> drTls = rule.flatMap(r -> drTlsMode(r, subset, port.port()));
    boolean persistent = svc.labels().containsKey(PERSISTENT_SESSION_LABEL);
    TreeMap<String, LocalityGroup> byLocality = new TreeMap<>();
    for (Endpoint e : ctx.snapshot().registry().endpoints(svc.hostname())) {
      Integer target = e.ports().get(port.name());
      if (!e.serviceNamespace().equals(svc.namespace()) || target == null || e.address().isEmpty()) {
        continue;
      }
      if (ipOnly && target != 0 && !isIp(e.address()) && !e.address().startsWith("unix://")) {
        continue;
      }
      if (!e.labels().entrySet().containsAll(subsetLabels.entrySet())) {
        continue;
      }
      if (e.health() == Endpoint.Health.UNHEALTHY || (e.health() == Endpoint.Health.DRAINING && !persistent)) {
        continue;
      }
      boolean mtls = drTls.map(m -> m == ClientTLSSettings.TLSmode.ISTIO_MUTUAL)
          .orElseGet(() -> e.tlsMode().equals("istio") && MtlsModes.workloadMode(ctx,
              workloadNamespace(e), e.labels(), target) != MutualTls.Mode.DISABLE);
      byLocality.computeIfAbsent(e.locality(), l -> new LocalityGroup(Localities.of(l)))
          .add(lbEndpoint(ctx, e, target, mtls), e.labels());
    }
    List<LocalityGroup> out = new ArrayList<>(byLocality.values());
    out.forEach(g -> g.weight = g.weightSum());
    return out;
  }

  /** The TLS mode the raw rule sets for the subset (or the top level) on the port, as Istio's mTLS checker reads it. */
  private static Optional<ClientTLSSettings.TLSmode> drTlsMode(MergedDestinationRule rule, String subset, int port) {
    Optional<TrafficPolicy> tp = subset.isEmpty() ? rule.spec().trafficPolicy()
        : DestinationRules.subset(rule.spec(), subset).flatMap(Subset::trafficPolicy);
    if (tp.isEmpty()) {
      return Optional.empty();
    }
    Optional<ClientTLSSettings.TLSmode> mode = tp.get().tls().map(t -> t.mode().orElse(ClientTLSSettings.TLSmode.DISABLE));
    for (TrafficPolicy.PortTrafficPolicy pl : tp.get().portLevelSettings()) {
      if (pl.port().flatMap(p -> p.number()).filter(n -> n == port).isPresent() && pl.tls().isPresent()) {
        return pl.tls().map(t -> t.mode().orElse(ClientTLSSettings.TLSmode.DISABLE));
      }
    }
    return mode;
  }

  /**
   * Memo key of one endpoint's {@link LbEndpoint}: the endpoint object itself (by identity: the snapshot's registry
   * owns it, and the memo lives as long as the snapshot), its target port, whether it is reached over mTLS, and the
   * cluster ID its telemetry falls back to. Every ClusterLoadAssignment naming the endpoint, for every proxy, shares
   * the message (and its memoized size).
   */
  private record LbKey(Endpoint endpoint, int port, boolean mtls, String clusterId) {
    @Override
    public boolean equals(Object o) {
      return o instanceof LbKey k && k.endpoint == endpoint && k.port == port && k.mtls == mtls
          && k.clusterId.equals(clusterId);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(endpoint) * 31 + port) * 2 + (mtls ? 1 : 0);
    }
  }

  /** Memo key of the snapshot's map of {@link LbKey} to endpoint. */
  private record LbEndpoints() {}

  private static LbEndpoint lbEndpoint(ProxyContext ctx, Endpoint e, int port, boolean mtls) {
    java.util.concurrent.ConcurrentHashMap<LbKey, LbEndpoint> memo =
        ctx.memo().get(new LbEndpoints(), java.util.concurrent.ConcurrentHashMap::new);
    return memo.computeIfAbsent(new LbKey(e, port, mtls, ctx.options().clusterId()),
        k -> buildLbEndpoint(ctx, e, port, mtls));
  }

  private static LbEndpoint buildLbEndpoint(ProxyContext ctx, Endpoint e, int port, boolean mtls) {
    Metadata.Builder md = Metadata.newBuilder();
    if (mtls) {
      md.putFilterMetadata(TRANSPORT_SOCKET_MATCH, Struct.newBuilder()
          .putFields("tlsMode", Clusters.string("istio")).build());
    }
    md.putFilterMetadata(Clusters.ISTIO_METADATA, Struct.newBuilder()
        .putFields("workload", Clusters.string(workloadTelemetry(ctx, e))).build());
    return LbEndpoint.newBuilder()
        .setHealthStatus(switch (e.health()) {
          case HEALTHY -> HealthStatus.HEALTHY;
          case UNHEALTHY -> HealthStatus.UNHEALTHY;
          case DRAINING -> HealthStatus.DRAINING;
        })
        .setLoadBalancingWeight(UInt32Value.of(e.weight() > 0 ? e.weight() : 1))
        .setEndpoint(io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder().setAddress(address(e.address(), port)))
        .setMetadata(md)
        .build();
  }

  /** {@code workload;namespace;canonical-name;canonical-revision;cluster}, Istio's compressed endpoint telemetry. */
  static String workloadTelemetry(ProxyContext ctx, Endpoint e) {
    String workload = workloadName(e);
    Map<String, String> l = e.labels();
    String name = first(l, workload, "service.istio.io/canonical-name", "app.kubernetes.io/name", "app");
    String revision = first(l, "latest", "service.istio.io/canonical-revision", "app.kubernetes.io/version",
        "version");
    if (revision.equals("latest")) {
      revision = "";
    }
    String cluster = l.getOrDefault("topology.istio.io/cluster", ctx.options().clusterId());
    return workload + ";" + workloadNamespace(e) + ";" + name + ";" + revision + ";" + cluster;
  }

  private static String first(Map<String, String> labels, String fallback, String... keys) {
    for (String k : keys) {
      String v = labels.get(k);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return fallback;
  }

  /** The name part of the endpoint's {@code Kind ns/name} workload, empty when unknown. */
  static String workloadName(Endpoint e) {
    int slash = e.workload().lastIndexOf('/');
    return slash < 0 ? "" : e.workload().substring(slash + 1);
  }

  /** The namespace of the endpoint's workload, else the service's. */
  static String workloadNamespace(Endpoint e) {
    int space = e.workload().indexOf(' ');
    int slash = e.workload().lastIndexOf('/');
    return space >= 0 && slash > space ? e.workload().substring(space + 1, slash) : e.serviceNamespace();
  }

  /** A socket address ({@code unix://path} becomes a pipe). */
  public static Address address(String host, int port) {
    if (host.startsWith("unix://")) {
      return Address.newBuilder().setPipe(Pipe.newBuilder().setPath(host.substring("unix://".length()))).build();
    }
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(host).setPortValue(port))
        .build();
  }

  /** Whether {@code s} is an IPv4 or IPv6 literal (no DNS lookup); one pass over the characters, no allocation. */
  public static boolean isIp(String s) {
    if (s.indexOf(':') >= 0) {
      if (s.length() < 2) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
          return false;
        }
      }
      return true;
    }
    int parts = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255) {
          return false;
        }
        parts++;
        value = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        value = value * 10 + (c - '0');
        digits++;
      } else {
        return false;
      }
    }
    return parts == 4;
  }
}
