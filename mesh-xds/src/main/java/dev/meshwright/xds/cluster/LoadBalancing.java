package dev.meshwright.xds.cluster;

import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import dev.meshwright.api.networking.LoadBalancerSettings;
import dev.meshwright.api.networking.LocalityLoadBalancerSetting;
import dev.meshwright.api.networking.OutlierDetection;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.type.v3.Percent;
import java.util.Map;
import java.util.Optional;

/**
 * Load balancing and outlier detection on an outbound cluster, Istio's rules: LEAST_REQUEST by default,
 * ROUND_ROBIN / RANDOM / LEAST_REQUEST (LEAST_CONN) with an optional slow-start window, PASSTHROUGH turns the
 * cluster into ORIGINAL_DST, consistent hashing into RING_HASH (minimum ring 1024 unless set) or MAGLEV, and
 * ORIGINAL_DST clusters always CLUSTER_PROVIDED; locality-weighted balancing whenever locality LB is on. Pure.
 */
final class LoadBalancing {
  private LoadBalancing() {}

  static void outlierDetection(ClusterDraft d, Optional<OutlierDetection> settings) {
    if (settings.isEmpty()) {
      return;
    }
    OutlierDetection o = settings.get();
    io.envoyproxy.envoy.config.cluster.v3.OutlierDetection.Builder out =
        io.envoyproxy.envoy.config.cluster.v3.OutlierDetection.newBuilder().setEnforcingSuccessRate(UInt32Value.of(0));
    o.consecutive5xxErrors().ifPresent(v -> out.setConsecutive5Xx(UInt32Value.of(v))
        .setEnforcingConsecutive5Xx(UInt32Value.of(v > 0 ? 100 : 0)));
    o.consecutiveGatewayErrors().ifPresent(v -> out.setConsecutiveGatewayFailure(UInt32Value.of(v))
        .setEnforcingConsecutiveGatewayFailure(UInt32Value.of(v > 0 ? 100 : 0)));
    o.interval().ifPresent(i -> out.setInterval(Clusters.duration(i)));
    o.baseEjectionTime().ifPresent(b -> out.setBaseEjectionTime(Clusters.duration(b)));
    o.maxEjectionPercent().filter(p -> p > 0).ifPresent(p -> out.setMaxEjectionPercent(UInt32Value.of(p)));
    if (o.splitExternalLocalOriginErrors().orElse(false)) {
      out.setSplitExternalLocalOriginErrors(true);
      o.consecutiveLocalOriginFailures().filter(v -> v > 0).ifPresent(v -> out
          .setConsecutiveLocalOriginFailure(UInt32Value.of(v))
          .setEnforcingConsecutiveLocalOriginFailure(UInt32Value.of(100)));
      out.setEnforcingLocalOriginSuccessRate(UInt32Value.of(0));
    }
    d.cluster.setOutlierDetection(out);
    int minHealth = o.minHealthPercent().orElse(0);
    if (minHealth >= 0) {
      d.cluster.getCommonLbConfigBuilder().setHealthyPanicThreshold(Percent.newBuilder().setValue(minHealth));
    }
  }

  static void loadBalancer(ClusterDraft d, Optional<LoadBalancerSettings> lb,
      Optional<LocalityLoadBalancerSetting> meshLocality, Locality proxyLocality, Map<String, String> proxyLabels) {
    Optional<LocalityLoadBalancerSetting> locality = LocalityLoadBalancing.effective(meshLocality,
        lb.flatMap(LoadBalancerSettings::localityLbSetting));
    if (locality.isPresent()) {
      d.cluster.getCommonLbConfigBuilder().setLocalityWeightedLbConfig(
          Cluster.CommonLbConfig.LocalityWeightedLbConfig.getDefaultInstance());
      if (d.assignment != null) {
        d.assignment = LocalityLoadBalancing.apply(d.assignment, proxyLocality, proxyLabels, locality.get(),
            d.cluster.hasOutlierDetection(), false);
      }
    }
    if (d.type() == Cluster.DiscoveryType.ORIGINAL_DST) {
      d.cluster.setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED);
      return;
    }
    LoadBalancerSettings.SimpleLB simple = lb.flatMap(LoadBalancerSettings::simple)
        .orElse(LoadBalancerSettings.SimpleLB.UNSPECIFIED);
    Optional<java.time.Duration> warmup = lb.flatMap(LoadBalancerSettings::warmupDurationSecs);
    switch (simple) {
      case ROUND_ROBIN -> {
        d.cluster.setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN);
        warmup.ifPresent(w -> d.cluster.setRoundRobinLbConfig(Cluster.RoundRobinLbConfig.newBuilder()
            .setSlowStartConfig(Cluster.SlowStartConfig.newBuilder().setSlowStartWindow(Clusters.duration(w)))));
      }
      case RANDOM -> d.cluster.setLbPolicy(Cluster.LbPolicy.RANDOM);
      case PASSTHROUGH -> {
        d.cluster.setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED).setType(Cluster.DiscoveryType.ORIGINAL_DST);
        d.cluster.clearLoadAssignment();
        d.assignment = null;
      }
      default -> {
        d.cluster.setLbPolicy(Cluster.LbPolicy.LEAST_REQUEST);
        warmup.ifPresent(w -> d.cluster.setLeastRequestLbConfig(Cluster.LeastRequestLbConfig.newBuilder()
            .setSlowStartConfig(Cluster.SlowStartConfig.newBuilder().setSlowStartWindow(Clusters.duration(w)))));
      }
    }
    consistentHash(d.cluster, lb);
  }

  /** RING_HASH or MAGLEV for a consistent-hash load balancer; nothing otherwise. */
  static void consistentHash(Cluster.Builder c, Optional<LoadBalancerSettings> lb) {
    Optional<LoadBalancerSettings.ConsistentHashLB> ch = lb.flatMap(LoadBalancerSettings::consistentHash);
    if (ch.isEmpty()) {
      return;
    }
    if (ch.get().maglev().isPresent()) {
      c.setLbPolicy(Cluster.LbPolicy.MAGLEV);
      ch.get().maglev().get().tableSize().filter(s -> s != 0).ifPresent(s -> c.setMaglevLbConfig(
          Cluster.MaglevLbConfig.newBuilder().setTableSize(UInt64Value.of(s))));
    } else if (ch.get().ringHash().isPresent()) {
      c.setLbPolicy(Cluster.LbPolicy.RING_HASH);
      ch.get().ringHash().get().minimumRingSize().filter(s -> s != 0).ifPresent(s -> c.setRingHashLbConfig(
          Cluster.RingHashLbConfig.newBuilder().setMinimumRingSize(UInt64Value.of(s))));
    } else {
      long min = ch.get().minimumRingSize().filter(s -> s != 0).orElse(1024L);
      c.setLbPolicy(Cluster.LbPolicy.RING_HASH)
          .setRingHashLbConfig(Cluster.RingHashLbConfig.newBuilder().setMinimumRingSize(UInt64Value.of(min)));
    }
  }
}
