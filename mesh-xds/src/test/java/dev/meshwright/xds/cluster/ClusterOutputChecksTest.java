package dev.meshwright.xds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Clusters with every traffic-policy feature pass the output checks (proto validate rules, references). */
class ClusterOutputChecksTest {
  static final String YAML = ClusterTestSupport.service("ledger", "fin", "[{number: 80, name: http, protocol: HTTP}, "
      + "{number: 9090, name: grpc, protocol: GRPC}]",
      "  endpoints:\n  - {address: 10.3.0.1, labels: {v: a, security.istio.io/tlsMode: istio}, locality: r1/z1}\n"
          + "  - {address: 10.3.0.2, labels: {v: b}, locality: r2/z2}\n")
      + ClusterTestSupport.dr("ledger", "fin", "ledger.fin.svc.corp.example", """
            trafficPolicy:
              connectionPool:
                tcp: {maxConnections: 5, connectTimeout: 1s, tcpKeepalive: {time: 30s}}
                http: {idleTimeout: 10s, maxRequestsPerConnection: 3, h2UpgradePolicy: UPGRADE}
              outlierDetection: {consecutive5xxErrors: 2, interval: 1s, baseEjectionTime: 30s, splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 2}
              loadBalancer:
                consistentHash: {httpCookie: {name: c, ttl: 5s}}
                localityLbSetting: {failover: [{from: r1, to: r2}]}
              proxyProtocol: {version: V1}
            subsets:
            - {name: a, labels: {v: a}, trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN, warmupDurationSecs: 10s}}}
            - {name: b, labels: {v: b}, trafficPolicy: {tls: {mode: SIMPLE, sni: ledger.example}}}
          """);

  @Test
  @DisplayName("istiod's generator set keeps every cluster and assignment of a feature-rich rule, with no diagnostics")
  void passesChecks() {
    Proxy proxy = MeshFixture.sidecar("10.3.0.9", "fin", Map.of("app", "teller"));
    XdsResources out = Istiod.generator(MeshFixture.OPTIONS).generate(MeshFixture.snapshot(YAML), proxy);
    assertThat(out.diagnostics()).isEmpty();
    assertThat(out.of(TypeUrls.CLUSTER)).containsKeys("outbound|80||ledger.fin.svc.corp.example",
        "outbound|80|a|ledger.fin.svc.corp.example", "outbound|80|b|ledger.fin.svc.corp.example",
        "outbound|9090|b|ledger.fin.svc.corp.example", ClusterNames.BLACK_HOLE, ClusterNames.PASSTHROUGH,
        ClusterNames.INBOUND_PASSTHROUGH_IPV4);
    assertThat(out.of(TypeUrls.ENDPOINT)).containsKeys("outbound|80||ledger.fin.svc.corp.example",
        "outbound|80|a|ledger.fin.svc.corp.example");
  }
}
