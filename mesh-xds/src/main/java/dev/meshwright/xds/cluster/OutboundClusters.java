package dev.meshwright.xds.cluster;

import com.google.protobuf.Value;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TrafficPolicy;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.HealthStatusSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The outbound clusters of one service port: the default {@code outbound|port||host} and one per DestinationRule
 * subset, with the rule's (port-level, subset-merged) traffic policy applied in Istio's order: connection pool,
 * HTTP/2 upgrade, outlier detection, load balancer, TLS; then EDS config, the metadata-exchange filter and the
 * {@code istio} metadata (services, config, subset, external, alpn_override). Pure.
 */
final class OutboundClusters {
  private OutboundClusters() {}

  /** Which clusters: the usual {@code outbound|...} ones, or a router's SNI-DNAT {@code outbound_....} ones. */
  enum Mode {
    /** {@code outbound|port|subset|host}, with client TLS. */
    DEFAULT,
    /** {@code outbound_.port_.subset_.host} for AUTO_PASSTHROUGH gateways: the client's TLS passes through. */
    SNI_DNAT
  }

  /** Everything that stays the same across one service's clusters. */
  private record ServiceView(ProxyContext ctx, MeshService svc, ServicePort port, Optional<MergedDestinationRule> rule,
      List<String> serviceAccounts, Mode mode) {
    String name(String subset) {
      return mode == Mode.SNI_DNAT ? ClusterNames.outboundSni(port.port(), subset, svc.hostname())
          : ClusterNames.outbound(port.port(), subset, svc.hostname());
    }
  }

  static List<Cluster> build(ProxyContext ctx, MeshService svc, ServicePort port, Mode mode, List<String> problems) {
    List<Cluster> out = new ArrayList<>();
    Optional<MergedDestinationRule> rule = DestinationRules.forHost(ctx, svc.hostname());
    ServiceView v = new ServiceView(ctx, svc, port, rule, serviceAccounts(ctx, svc), mode);
    Cluster.DiscoveryType type = ClusterBase.discoveryType(ctx.proxy().type(), svc);
    String name = v.name("");
    List<LocalityGroup> eps = LoadAssignments.isDns(svc)
        ? LoadAssignments.groups(ctx, svc, port, "", rule, false) : List.of();
    Optional<ClusterDraft> def = ClusterBase.build(ctx, name, type, eps, port, services(svc));
    if (def.isEmpty()) {
      return out;
    }
    ClusterDraft d = def.get();
    if (svc.labels().containsKey(LoadAssignments.PERSISTENT_SESSION_LABEL)) {
      d.cluster.getCommonLbConfigBuilder().setOverrideHostStatus(HealthStatusSet.newBuilder()
          .addStatuses(HealthStatus.HEALTHY).addStatuses(HealthStatus.DRAINING)
          .addStatuses(HealthStatus.UNKNOWN).addStatuses(HealthStatus.DEGRADED));
    }
    Optional<TrafficPolicy> top = rule.flatMap(r -> r.spec().trafficPolicy());
    EffectivePolicy policy = EffectivePolicy.forPort(top, port.port());
    applyPolicy(v, d, policy, ClusterNames.outboundSni(port.port(), "", svc.hostname()),
        serviceMtls(v, top), svc.location() == MeshService.Location.MESH_EXTERNAL);
    finish(d);
    if (svc.location() == MeshService.Location.MESH_EXTERNAL) {
      d.istioField("external", Value.newBuilder().setBoolValue(true).build());
    }
    rule.ifPresent(r -> configMetadata(d, r, policy));
    Cluster.DiscoveryType afterPolicy = d.type();
    out.add(d.build());
    problems.addAll(d.problems);
    if (rule.isPresent()) {
      for (Subset s : rule.get().spec().subsets()) {
        subset(v, s, afterPolicy, problems).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<Cluster> subset(ServiceView v, Subset s, Cluster.DiscoveryType defaultType,
      List<String> problems) {
    String subsetName = s.name().orElse("");
    int port = v.port().port();
    String host = v.svc().hostname();
    boolean passthrough = s.trafficPolicy().flatMap(TrafficPolicy::loadBalancer).flatMap(LoadBalancerSettings::simple)
        .filter(x -> x == LoadBalancerSettings.SimpleLB.PASSTHROUGH).isPresent();
    Cluster.DiscoveryType type = passthrough ? Cluster.DiscoveryType.ORIGINAL_DST : defaultType;
    List<LocalityGroup> eps = passthrough || type == Cluster.DiscoveryType.EDS || !LoadAssignments.isDns(v.svc())
        ? List.of() : LoadAssignments.groups(v.ctx(), v.svc(), v.port(), subsetName, v.rule(), false);
    Optional<ClusterDraft> built = ClusterBase.build(v.ctx(), v.name(subsetName), type, eps,
        v.port(), services(v.svc()));
    if (built.isEmpty()) {
      return Optional.empty();
    }
    ClusterDraft d = built.get();
    EffectivePolicy policy = EffectivePolicy.forSubset(v.rule().get().spec().trafficPolicy(), s.trafficPolicy(), port);
    applyPolicy(v, d, policy, ClusterNames.outboundSni(port, subsetName, host), serviceMtls(v, s.trafficPolicy()),
        v.svc().location() == MeshService.Location.MESH_EXTERNAL);
    finish(d);
    configMetadata(d, v.rule().get(), policy);
    if (d.hasIstioMetadata()) {
      d.istioField("subset", Clusters.string(subsetName));
    }
    problems.addAll(d.problems);
    return Optional.of(d.build());
  }

  private static void applyPolicy(ServiceView v, ClusterDraft d, EffectivePolicy policy, String sni,
      Optional<MutualTls.Mode> serviceMtls, boolean external) {
    ProxyContext ctx = v.ctx();
    ConnectionPools.apply(d, ctx.meshConfig(), policy.connectionPool());
    if (ConnectionPools.shouldUpgradeH2(ctx.meshConfig(), v.port().protocol().isHttp(), policy.connectionPool())) {
      d.useHttp2();
    }
    LoadBalancing.outlierDetection(d, policy.outlierDetection());
    LoadBalancing.loadBalancer(d, policy.loadBalancer(), ctx.meshConfig().localityLbSetting(),
        Localities.ofProxy(ctx), ctx.labels());
    UpstreamTls.Target t = new UpstreamTls.Target(v.serviceAccounts(), sni, external,
        v.svc().origin() == MeshService.Origin.SERVICE_ENTRY, serviceMtls, ctx.proxy().type() == ProxyType.SIDECAR,
        v.rule().flatMap(r -> r.spec().workloadSelector()).isPresent(), fileCerts(ctx),
        ctx.meshConfig().tlsDefaults(), ctx.meshConfig().enableAutoMtls().orElse(true));
    if (v.mode() == Mode.DEFAULT) {
      UpstreamTls.apply(d, policy.tls(), t);
      UpstreamTls.proxyProtocol(d, policy.proxyProtocol());
    }
    if (d.type() == Cluster.DiscoveryType.ORIGINAL_DST) {
      d.cluster.setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED);
    }
  }

  private static void finish(ClusterDraft d) {
    if (d.type() == Cluster.DiscoveryType.EDS) {
      d.cluster.setEdsClusterConfig(Clusters.edsConfig(d.cluster.getName()));
    }
    d.cluster.addFilters(Clusters.metadataExchangeFilter());
  }

  private static void configMetadata(ClusterDraft d, MergedDestinationRule r, EffectivePolicy policy) {
    d.istioField("config", Clusters.string(DestinationRules.configPath(r)));
    Optional<dev.meshwright.api.networking.ClientTLSSettings.TLSmode> mode = policy.tlsMode();
    if (mode.filter(m -> m == dev.meshwright.api.networking.ClientTLSSettings.TLSmode.SIMPLE
        || m == dev.meshwright.api.networking.ClientTLSSettings.TLSmode.MUTUAL).isPresent()) {
      d.istioField("alpn_override", Clusters.string("false"));
    }
  }

  /** Istio's best-effort guess of the service's mTLS mode; empty means unknown (no auto-mTLS). */
  private static Optional<MutualTls.Mode> serviceMtls(ServiceView v, Optional<TrafficPolicy> tp) {
    if (v.svc().location() == MeshService.Location.MESH_EXTERNAL) {
      return Optional.empty();
    }
    boolean passthrough = v.svc().resolution() == MeshService.Resolution.PASSTHROUGH
        || tp.flatMap(TrafficPolicy::loadBalancer).flatMap(LoadBalancerSettings::simple)
            .filter(x -> x == LoadBalancerSettings.SimpleLB.PASSTHROUGH).isPresent();
    if (passthrough) {
      List<Endpoint> eps = endpointsOfPort(v);
      if (eps.isEmpty() || eps.stream().anyMatch(e -> e.tlsMode().equals("disabled"))) {
        return Optional.of(MutualTls.Mode.DISABLE);
      }
    }
    return Optional.of(MtlsModes.namespaceMode(v.ctx().snapshot(), v.svc().namespace()));
  }

  private static List<Endpoint> endpointsOfPort(ServiceView v) {
    return v.ctx().snapshot().registry().endpoints(v.svc().hostname()).stream()
        .filter(e -> e.serviceNamespace().equals(v.svc().namespace()) && e.ports().containsKey(v.port().name()))
        .toList();
  }

  /** The identities behind a service (its endpoints' service accounts), sorted. */
  static List<String> serviceAccounts(ProxyContext ctx, MeshService svc) {
    TreeSet<String> out = new TreeSet<>();
    for (Endpoint e : ctx.snapshot().registry().endpoints(svc.hostname())) {
      if (e.serviceNamespace().equals(svc.namespace()) && !e.serviceAccount().isEmpty()) {
        out.add(e.serviceAccount());
      }
    }
    return List.copyOf(out);
  }

  static List<Value> services(MeshService svc) {
    String name = svc.origin() == MeshService.Origin.SERVICE_ENTRY ? svc.hostname() : svc.name();
    return List.of(Clusters.serviceMetadata(svc.hostname(), name, svc.namespace()));
  }

  static Optional<UpstreamTls.FileCerts> fileCerts(ProxyContext ctx) {
    return ctx.proxy().meta("TLS_CLIENT_CERT_CHAIN").map(chain -> new UpstreamTls.FileCerts(chain,
        ctx.proxy().meta("TLS_CLIENT_KEY").orElse(""), ctx.proxy().meta("TLS_CLIENT_ROOT_CERT").orElse("")));
  }

  /** Whether the port gets clusters at all (UDP does not). */
  static boolean hasClusters(ServicePort p) {
    return p.protocol() != Protocol.UDP;
  }
}
