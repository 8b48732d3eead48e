package dev.meshwright.xds.cluster;

import static dev.meshwright.xds.cluster.ClusterTestSupport.clusters;
import static dev.meshwright.xds.cluster.ClusterTestSupport.dr;
import static dev.meshwright.xds.cluster.ClusterTestSupport.service;
import static dev.meshwright.xds.cluster.ClusterTestSupport.sidecar;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.OutlierDetection;
import io.envoyproxy.envoy.config.core.v3.TcpKeepalive;
import io.envoyproxy.envoy.type.v3.Percent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrafficPolicyClustersTest {
  static final String INV = "inventory.stock.svc.corp.example";
  static final String SE = service("inventory", "stock", "[{number: 8080, name: http, protocol: HTTP}, "
      + "{number: 7000, name: tcp, protocol: TCP}]",
      "  endpoints:\n  - {address: 10.30.0.1, labels: {version: v1}}\n  - {address: 10.30.0.2, labels: {version: v2}}\n");

  private static Map<String, Cluster> with(String body) {
    return clusters(sidecar(SE + dr("inventory", "stock", INV, body), "stock"));
  }

  @Test
  @DisplayName("connection pool settings become circuit breaker thresholds, connect timeout and HTTP protocol options")
  void connectionPool() throws Exception {
    Cluster c = with("""
          trafficPolicy:
            connectionPool:
              tcp: {maxConnections: 100, connectTimeout: 250ms, maxConnectionDuration: 1h, tcpKeepalive: {probes: 3, time: 60s, interval: 10s}}
              http: {http1MaxPendingRequests: 7, http2MaxRequests: 8, maxRetries: 2, idleTimeout: 30s, maxRequestsPerConnection: 5}
        """).get(ClusterNames.outbound(8080, INV));
    assertThat(c.getConnectTimeout()).isEqualTo(Clusters.duration(Duration.ofMillis(250)));
    assertThat(c.getCircuitBreakers()).isEqualTo(CircuitBreakers.newBuilder().addThresholds(Clusters.defaultThresholds()
        .setMaxConnections(UInt32Value.of(100)).setMaxPendingRequests(UInt32Value.of(7))
        .setMaxRequests(UInt32Value.of(8)).setMaxRetries(UInt32Value.of(2))).build());
    assertThat(c.getUpstreamConnectionOptions().getTcpKeepalive()).isEqualTo(TcpKeepalive.newBuilder()
        .setKeepaliveProbes(UInt32Value.of(3)).setKeepaliveTime(UInt32Value.of(60))
        .setKeepaliveInterval(UInt32Value.of(10)).build());
    var common = ClusterTestSupport.http(c).getCommonHttpProtocolOptions();
    assertThat(common.getIdleTimeout()).isEqualTo(Clusters.duration(Duration.ofSeconds(30)));
    assertThat(common.getMaxRequestsPerConnection().getValue()).isEqualTo(5);
    assertThat(common.getMaxConnectionDuration()).isEqualTo(Clusters.duration(Duration.ofHours(1)));
    assertThat(ClusterTestSupport.http(c).getExplicitHttpConfig().hasHttpProtocolOptions()).isTrue();
  }

  @Test
  @DisplayName("h2UpgradePolicy UPGRADE makes an HTTP port HTTP/2; useClientProtocol keeps the downstream protocol")
  void h2Upgrade() throws Exception {
    Map<String, Cluster> up = with("  trafficPolicy: {connectionPool: {http: {h2UpgradePolicy: UPGRADE}}}\n");
    assertThat(ClusterTestSupport.http(up.get(ClusterNames.outbound(8080, INV))).getExplicitHttpConfig()
        .hasHttp2ProtocolOptions()).isTrue();
    Map<String, Cluster> client = with("  trafficPolicy: {connectionPool: {http: {useClientProtocol: true}}}\n");
    assertThat(ClusterTestSupport.http(client.get(ClusterNames.outbound(8080, INV))).hasUseDownstreamProtocolConfig())
        .isTrue();
  }

  @Test
  @DisplayName("outlier detection: consecutive errors enforced at 100%, success rate off, min health as panic threshold")
  void outlierDetection() {
    Cluster c = with("""
          trafficPolicy:
            outlierDetection: {consecutive5xxErrors: 4, consecutiveGatewayErrors: 0, interval: 5s, baseEjectionTime: 1m, maxEjectionPercent: 50, minHealthPercent: 20}
        """).get(ClusterNames.outbound(8080, INV));
    assertThat(c.getOutlierDetection()).isEqualTo(OutlierDetection.newBuilder()
        .setEnforcingSuccessRate(UInt32Value.of(0))
        .setConsecutive5Xx(UInt32Value.of(4)).setEnforcingConsecutive5Xx(UInt32Value.of(100))
        .setConsecutiveGatewayFailure(UInt32Value.of(0)).setEnforcingConsecutiveGatewayFailure(UInt32Value.of(0))
        .setInterval(Clusters.duration(Duration.ofSeconds(5))).setBaseEjectionTime(Clusters.duration(Duration.ofMinutes(1)))
        .setMaxEjectionPercent(UInt32Value.of(50)).build());
    assertThat(c.getCommonLbConfig().getHealthyPanicThreshold()).isEqualTo(Percent.newBuilder().setValue(20).build());
  }

  @Test
  @DisplayName("simple load balancers map to Envoy policies; warmup adds slow start; PASSTHROUGH makes ORIGINAL_DST")
  void simpleLb() {
    assertThat(with("  trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}\n").get(ClusterNames.outbound(8080, INV))
        .getLbPolicy()).isEqualTo(Cluster.LbPolicy.ROUND_ROBIN);
    assertThat(with("  trafficPolicy: {loadBalancer: {simple: RANDOM}}\n").get(ClusterNames.outbound(8080, INV))
        .getLbPolicy()).isEqualTo(Cluster.LbPolicy.RANDOM);
    Cluster lr = with("  trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST, warmupDurationSecs: 30s}}\n")
        .get(ClusterNames.outbound(8080, INV));
    assertThat(lr.getLbPolicy()).isEqualTo(Cluster.LbPolicy.LEAST_REQUEST);
    assertThat(lr.getLeastRequestLbConfig().getSlowStartConfig().getSlowStartWindow())
        .isEqualTo(Clusters.duration(Duration.ofSeconds(30)));
    Cluster pt = with("  trafficPolicy: {loadBalancer: {simple: PASSTHROUGH}}\n").get(ClusterNames.outbound(8080, INV));
    assertThat(pt.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
    assertThat(pt.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
    assertThat(pt.hasEdsClusterConfig()).isFalse();
  }

  @Test
  @DisplayName("consistent hash: RING_HASH with 1024 minimum by default, ringHash size, or MAGLEV with table size")
  void consistentHash() {
    Cluster ring = with("  trafficPolicy: {loadBalancer: {consistentHash: {httpHeaderName: x-user}}}\n")
        .get(ClusterNames.outbound(8080, INV));
    assertThat(ring.getLbPolicy()).isEqualTo(Cluster.LbPolicy.RING_HASH);
    assertThat(ring.getRingHashLbConfig().getMinimumRingSize()).isEqualTo(UInt64Value.of(1024));
    Cluster sized = with("  trafficPolicy: {loadBalancer: {consistentHash: {useSourceIp: true, ringHash: {minimumRingSize: 64}}}}\n")
        .get(ClusterNames.outbound(8080, INV));
    assertThat(sized.getRingHashLbConfig().getMinimumRingSize()).isEqualTo(UInt64Value.of(64));
    Cluster maglev = with("  trafficPolicy: {loadBalancer: {consistentHash: {httpQueryParameterName: u, maglev: {tableSize: 131}}}}\n")
        .get(ClusterNames.outbound(8080, INV));
    assertThat(maglev.getLbPolicy()).isEqualTo(Cluster.LbPolicy.MAGLEV);
    assertThat(maglev.getMaglevLbConfig().getTableSize()).isEqualTo(UInt64Value.of(131));
  }

  @Test
  @DisplayName("locality LB disabled in the DR leaves out the locality-weighted config")
  void localityDisabled() {
    Cluster c = with("  trafficPolicy: {loadBalancer: {localityLbSetting: {enabled: false}}}\n")
        .get(ClusterNames.outbound(8080, INV));
    assertThat(c.getCommonLbConfig().hasLocalityWeightedLbConfig()).isFalse();
  }

  @Test
  @DisplayName("a port-level policy replaces the top level on its port only; fields it omits get defaults")
  void portLevel() {
    Map<String, Cluster> all = with("""
          trafficPolicy:
            loadBalancer: {simple: RANDOM}
            connectionPool: {tcp: {maxConnections: 9}}
            portLevelSettings:
            - port: {number: 7000}
              loadBalancer: {simple: ROUND_ROBIN}
        """);
    Cluster tcp = all.get(ClusterNames.outbound(7000, INV));
    assertThat(tcp.getLbPolicy()).isEqualTo(Cluster.LbPolicy.ROUND_ROBIN);
    assertThat(tcp.getCircuitBreakers()).isEqualTo(Clusters.defaultCircuitBreakers());
    Cluster http = all.get(ClusterNames.outbound(8080, INV));
    assertThat(http.getLbPolicy()).isEqualTo(Cluster.LbPolicy.RANDOM);
    assertThat(http.getCircuitBreakers().getThresholds(0).getMaxConnections().getValue()).isEqualTo(9);
  }

  @Test
  @DisplayName("each subset is a cluster per port with the subset policy merged over the top level and subset metadata")
  void subsets() {
    Map<String, Cluster> all = with("""
          trafficPolicy:
            loadBalancer: {simple: RANDOM}
            connectionPool: {tcp: {maxConnections: 9}}
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
            trafficPolicy:
              loadBalancer: {simple: ROUND_ROBIN}
              portLevelSettings:
              - port: {number: 7000}
                outlierDetection: {consecutive5xxErrors: 1}
        """);
    assertThat(all.keySet()).contains("outbound|8080|v1|" + INV, "outbound|8080|v2|" + INV, "outbound|7000|v1|" + INV,
        "outbound|7000|v2|" + INV);
    Cluster v1 = all.get("outbound|8080|v1|" + INV);
    assertThat(v1.getLbPolicy()).isEqualTo(Cluster.LbPolicy.RANDOM);
    assertThat(v1.getEdsClusterConfig().getServiceName()).isEqualTo("outbound|8080|v1|" + INV);
    assertThat(v1.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("subset").getStringValue())
        .isEqualTo("v1");
    assertThat(v1.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("config").getStringValue())
        .isEqualTo("/apis/networking.istio.io/v1alpha3/namespaces/stock/destination-rule/inventory");
    Cluster v2http = all.get("outbound|8080|v2|" + INV);
    assertThat(v2http.getLbPolicy()).isEqualTo(Cluster.LbPolicy.ROUND_ROBIN);
    assertThat(v2http.getCircuitBreakers().getThresholds(0).getMaxConnections().getValue()).isEqualTo(9);
    Cluster v2tcp = all.get("outbound|7000|v2|" + INV);
    assertThat(v2tcp.hasOutlierDetection()).isTrue();
    assertThat(v2tcp.getLbPolicy()).isEqualTo(Cluster.LbPolicy.LEAST_REQUEST);
    assertThat(v2tcp.getCircuitBreakers()).isEqualTo(Clusters.defaultCircuitBreakers());
  }
}
