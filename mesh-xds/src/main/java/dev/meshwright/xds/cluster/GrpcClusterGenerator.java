package dev.meshwright.xds.cluster;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.HealthStatusSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CDS for proxyless gRPC clients ({@code GENERATOR=grpc}), as Istio's gRPC generator: only the requested names,
 * each an EDS cluster {@code outbound|port|subset|host} (EDS over ADS), with the DestinationRule's ISTIO_MUTUAL TLS
 * as certificate-provider-instance TLS ({@code default} / {@code ROOTCA}) and consistent hashing as RING_HASH. Other
 * simple load balancers than ROUND_ROBIN are ignored with a warning (grpc-java's default, round robin, applies), as
 * Istio does; MAGLEV, which grpc-java rejects, is sent as RING_HASH. Unknown hosts or ports become diagnostics.
 * Stateless and thread-safe.
 */
public final class GrpcClusterGenerator implements ResourceGenerator {
  @Override
  public String typeUrl() {
    return TypeUrls.CLUSTER;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Set<String>> byDefault = new TreeMap<>();
    for (String name : names) {
      Optional<ClusterNames.Key> key = ClusterNames.parse(name)
          .filter(k -> k.direction() == ClusterNames.Direction.OUTBOUND && !ClusterNames.isSniForm(name));
      if (key.isEmpty()) {
        diagnostics.add(Diagnostic.warning("", "gRPC CDS: " + name + " is not an outbound cluster name"));
        continue;
      }
      byDefault.computeIfAbsent(key.get().withoutSubset().name(), k -> new TreeSet<>()).add(name);
    }
    List<XdsResource> out = new ArrayList<>();
    byDefault.forEach((defaultName, wanted) -> {
      ClusterNames.Key key = ClusterNames.parse(defaultName).orElseThrow();
      Optional<MeshService> svc = ctx.scope().service(key.host());
      Optional<ServicePort> port = svc.flatMap(s -> s.port(key.port()));
      if (port.isEmpty()) {
        diagnostics.add(Diagnostic.warning("", "gRPC CDS: no " + (svc.isEmpty() ? "service" : "port")
            + " for cluster " + defaultName));
        return;
      }
      build(ctx, svc.get(), port.get(), wanted, diagnostics).forEach(c -> out.add(XdsResource.of(c.getName(), c)));
    });
    return new Output(out, diagnostics);
  }

  private static List<Cluster> build(ProxyContext ctx, MeshService svc, ServicePort port, Set<String> wanted,
      List<Diagnostic> diagnostics) {
    List<Cluster> out = new ArrayList<>();
    Optional<MergedDestinationRule> rule = DestinationRules.forHost(ctx, svc.hostname());
    List<String> sans = OutboundClusters.serviceAccounts(ctx, svc);
    String defaultName = ClusterNames.outbound(port.port(), svc.hostname());
    if (wanted.contains(defaultName)) {
      Cluster.Builder c = eds(defaultName);
      if (svc.labels().containsKey(LoadAssignments.PERSISTENT_SESSION_LABEL)) {
        c.getCommonLbConfigBuilder().setOverrideHostStatus(HealthStatusSet.newBuilder()
            .addStatuses(HealthStatus.HEALTHY).addStatuses(HealthStatus.DRAINING)
            .addStatuses(HealthStatus.UNKNOWN).addStatuses(HealthStatus.DEGRADED));
      }
      apply(ctx, c, DestinationRules.policy(rule, port.port(), ""), sans, diagnostics);
      out.add(c.build());
    }
    if (rule.isPresent()) {
      for (Subset s : rule.get().spec().subsets()) {
        String name = ClusterNames.outbound(port.port(), s.name().orElse(""), svc.hostname());
        if (wanted.contains(name)) {
          Cluster.Builder c = eds(name);
          apply(ctx, c, DestinationRules.policy(rule, port.port(), s.name().orElse("")), sans, diagnostics);
          out.add(c.build());
        }
      }
    }
    return out;
  }

  /** An EDS cluster over ADS, the only kind proxyless gRPC gets. */
  static Cluster.Builder eds(String name) {
    return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.EDS)
        .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setServiceName(name)
            .setEdsConfig(ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())));
  }

  private static void apply(ProxyContext ctx, Cluster.Builder c, EffectivePolicy policy, List<String> sans,
      List<Diagnostic> diagnostics) {
    if (policy.tlsMode().filter(m -> m == ClientTLSSettings.TLSmode.ISTIO_MUTUAL).isPresent()) {
      c.setTransportSocket(TlsContexts.tlsSocket(TlsContexts.grpcIstioMutual(sans)));
    }
    LoadBalancerSettings.SimpleLB simple = policy.simpleLb();
    if (simple != LoadBalancerSettings.SimpleLB.ROUND_ROBIN && simple != LoadBalancerSettings.SimpleLB.UNSPECIFIED) {
      diagnostics.add(Diagnostic.warning("", "gRPC CDS: cannot apply load balancer " + simple + " to "
          + c.getName() + " for " + ctx.proxy().id()));
    }
    LoadBalancing.consistentHash(c, policy.loadBalancer());
    if (c.getLbPolicy() == Cluster.LbPolicy.MAGLEV) {
      c.setLbPolicy(Cluster.LbPolicy.RING_HASH).clearMaglevLbConfig();
    }
  }
}
