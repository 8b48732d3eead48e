package dev.meshwright.api.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.Severity;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.networking.ConnectionPoolSettings.HTTPSettings;
import dev.meshwright.api.networking.ConnectionPoolSettings.TCPSettings;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB.HTTPCookie;
import dev.meshwright.api.networking.LoadBalancerSettings.ConsistentHashLB.MagLev;
import dev.meshwright.api.type.WorkloadSelector;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DestinationRuleTest {
  private static DestinationRule rule(DestinationRuleSpec spec) {
    return DestinationRule.builder().metadata(ObjectMeta.of("reviews", "bookinfo")).spec(spec).build();
  }

  private static List<Diagnostic> validate(DestinationRuleSpec spec) {
    return MeshValidator.create().validate(rule(spec));
  }

  @Test
  @DisplayName("a realistic rule writes as v1 YAML with Istio durations and reads back equal")
  void roundTrip() {
    DestinationRule dr = rule(DestinationRuleSpec.builder()
        .host("reviews.bookinfo.svc.cluster.local")
        .trafficPolicy(TrafficPolicy.builder()
            .connectionPool(ConnectionPoolSettings.builder()
                .tcp(TCPSettings.builder().maxConnections(100).connectTimeout(Duration.ofMillis(500)).build())
                .http(HTTPSettings.builder().h2UpgradePolicy(HTTPSettings.H2UpgradePolicy.UPGRADE).build())
                .build())
            .loadBalancer(LoadBalancerSettings.builder()
                .consistentHash(ConsistentHashLB.builder()
                    .httpCookie(HTTPCookie.builder().name("user").ttl(Duration.ofSeconds(60)).build())
                    .build())
                .build())
            .build())
        .addSubset(Subset.builder().name("v1").putLabel("version", "v1").build())
        .build());
    String yaml = MeshYaml.standard().writeYaml(dr);
    assertThat(yaml)
        .startsWith("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n")
        .contains("connectTimeout: 0.5s", "ttl: 60s", "h2UpgradePolicy: UPGRADE", "- labels:");
    ReadResult back = MeshYaml.read("dr.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(dr);
    assertThat(MeshValidator.create().validate(dr)).isEmpty();
  }

  @Test
  @DisplayName("reads Go-style durations and numbers into typed fields")
  void readsTypedFields() {
    ReadResult r = MeshYaml.read("dr.yaml", """
        apiVersion: networking.istio.io/v1alpha3
        kind: DestinationRule
        metadata: {name: r, namespace: ns}
        spec:
          host: r
          trafficPolicy:
            outlierDetection: {baseEjectionTime: 3m, consecutive5xxErrors: 4}
            loadBalancer:
              simple: LEAST_REQUEST
              warmupDurationSecs: 10s
        """);
    assertThat(r.diagnostics()).isEmpty();
    TrafficPolicy tp = ((DestinationRule) r.resources().get(0)).spec().trafficPolicy().orElseThrow();
    assertThat(tp.outlierDetection().flatMap(OutlierDetection::baseEjectionTime)).contains(Duration.ofMinutes(3));
    assertThat(tp.outlierDetection().flatMap(OutlierDetection::consecutive5xxErrors)).contains(4);
    assertThat(tp.loadBalancer().flatMap(LoadBalancerSettings::simple))
        .contains(LoadBalancerSettings.SimpleLB.LEAST_REQUEST);
  }

  @Test
  @DisplayName("oneof members cannot both be set")
  void oneofs() {
    assertThatThrownBy(() -> LoadBalancerSettings.builder()
        .simple(LoadBalancerSettings.SimpleLB.RANDOM)
        .consistentHash(ConsistentHashLB.builder().useSourceIp(true).build())
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("simple").hasMessageContaining("consistentHash");
    assertThatThrownBy(() -> ConsistentHashLB.builder().httpHeaderName("x").useSourceIp(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("only one of httpHeaderName or useSourceIp may be set");
  }

  @Test
  @DisplayName("traffic policy errors carry the field path")
  void trafficPolicyPaths() {
    List<Diagnostic> d = validate(DestinationRuleSpec.builder()
        .host("reviews")
        .trafficPolicy(TrafficPolicy.builder()
            .connectionPool(ConnectionPoolSettings.builder()
                .tcp(TCPSettings.builder().maxConnections(-1).connectTimeout(Duration.ofNanos(2_000_000_005L)).build())
                .build())
            .loadBalancer(LoadBalancerSettings.builder()
                .consistentHash(ConsistentHashLB.builder().maglev(MagLev.builder().tableSize(1000L).build()).build())
                .build())
            .addPortLevelSetting(TrafficPolicy.PortTrafficPolicy.builder()
                .outlierDetection(OutlierDetection.builder().minHealthPercent(101).build())
                .build())
            .build())
        .build());
    assertThat(d).extracting(Diagnostic::path, Diagnostic::message).containsExactly(
        tuple("spec.trafficPolicy.connectionPool.tcp.maxConnections", "max connections must be non-negative"),
        tuple("spec.trafficPolicy.connectionPool.tcp.connectTimeout", "only durations to ms precision are supported"),
        tuple("spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize",
            "tableSize must be a prime number for maglev"),
        tuple("spec.trafficPolicy.portLevelSettings[0].port", "portTrafficPolicy must have valid port"),
        tuple("spec.trafficPolicy.portLevelSettings[0].outlierDetection.minHealthPercent",
            "percentage 101 is not in range 0..100"));
  }

  @Test
  @DisplayName("client TLS: insecureSkipVerify conflicts depend on the mode")
  void clientTls() {
    ClientTLSSettings simple = ClientTLSSettings.builder().mode(ClientTLSSettings.TLSmode.SIMPLE)
        .credentialName("cred").insecureSkipVerify(true).build();
    ClientTLSSettings mutual = ClientTLSSettings.builder().from(simple).mode(ClientTLSSettings.TLSmode.MUTUAL).build();
    assertThat(validate(DestinationRuleSpec.builder().host("reviews")
        .trafficPolicy(TrafficPolicy.builder().tls(simple).build()).build()))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(tuple("spec.trafficPolicy.tls.insecureSkipVerify",
            "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true"));
    assertThat(validate(DestinationRuleSpec.builder().host("reviews")
        .trafficPolicy(TrafficPolicy.builder().tls(mutual).build()).build())).isEmpty();
  }

  @Test
  @DisplayName("subsets, exportTo with a selector, and an empty selector warning")
  void subsetsAndExport() {
    List<Diagnostic> d = validate(DestinationRuleSpec.builder()
        .host("reviews")
        .addSubsets(Subset.builder().name("v1").build(), Subset.builder().name("v1").build())
        .addExportTo("*")
        .workloadSelector(WorkloadSelector.of(Map.of()))
        .build());
    assertThat(d).extracting(Diagnostic::severity, Diagnostic::path, Diagnostic::message).containsExactly(
        tuple(Severity.ERROR, "spec.subsets[1].name", "duplicate subset names: v1"),
        tuple(Severity.ERROR, "spec.exportTo",
            "destination rule with workload selector cannot have exportTo beyond current namespace"),
        tuple(Severity.WARNING, "spec.workloadSelector", "workload selector specified without labels"));
  }

  @Test
  @DisplayName("locality settings: weights must sum to 100, failover needs outlier detection (warning)")
  void locality() {
    LocalityLoadBalancerSetting weights = LocalityLoadBalancerSetting.builder()
        .addDistribute(LocalityLoadBalancerSetting.Distribute.builder().from("a/b/c").putTo("a/b/c", 80).putTo("a/b1", 25)
            .build())
        .build();
    LocalityLoadBalancerSetting failover = LocalityLoadBalancerSetting.builder()
        .addFailover(LocalityLoadBalancerSetting.Failover.builder().from("us-east").to("eu-west").build())
        .build();
    assertThat(validate(lb(weights))).extracting(Diagnostic::message).containsExactly("total locality weight 105 != 100");
    assertThat(validate(lb(failover))).extracting(Diagnostic::severity, Diagnostic::message)
        .containsExactly(tuple(Severity.WARNING, "outlier detection policy must be provided for failover"));
  }

  private static DestinationRuleSpec lb(LocalityLoadBalancerSetting locality) {
    return DestinationRuleSpec.builder().host("reviews")
        .trafficPolicy(TrafficPolicy.builder()
            .loadBalancer(LoadBalancerSettings.builder().localityLbSetting(locality).build()).build())
        .build();
  }
}
