package dev.meshwright.xds.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.xds.cluster.Clusters;
import dev.meshwright.xds.cluster.LoadAssignments;
import dev.meshwright.xds.cluster.Localities;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndpointGeneratorTest {
  static final String HOST = "search.catalog.svc.corp.example";
  static final String SE = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: search, namespace: catalog}
      spec:
        hosts: [search.catalog.svc.corp.example]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 80, name: http, protocol: HTTP, targetPort: 8080}]
        workloadSelector: {labels: {app: search}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: search-a, namespace: catalog}
      spec: {address: 10.7.0.1, labels: {app: search, version: v1}, serviceAccount: search, locality: us-east/zone-1/rack-1, weight: 3}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: search-b, namespace: catalog}
      spec: {address: 10.7.0.2, labels: {app: search, version: v2, security.istio.io/tlsMode: disabled}, locality: us-east/zone-2, ports: {http: 9090}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: search-c, namespace: catalog}
      spec: {address: 10.7.0.3, labels: {app: search, version: v1}, serviceAccount: search, locality: eu-west/zone-9}
      """;

  private static ProxyContext ctx(String extra, Map<String, String> proxyLabels) {
    return MeshFixture.context(MeshFixture.snapshot(SE + extra), MeshFixture.sidecar("10.9.9.9", "catalog", proxyLabels));
  }

  private static ClusterLoadAssignment cla(ProxyContext ctx, String name) {
    List<XdsResource> out = new EndpointGenerator().generate(ctx, Set.of(name)).resources();
    assertThat(out).singleElement().extracting(XdsResource::name).isEqualTo(name);
    return (ClusterLoadAssignment) out.get(0).message();
  }

  @Test
  @DisplayName("endpoints grouped by sorted locality with target ports, weights, health and Istio metadata")
  void assignment() {
    ClusterLoadAssignment c = cla(ctx("", Map.of()), ClusterNames.outbound(80, HOST));
    assertThat(c.getClusterName()).isEqualTo(ClusterNames.outbound(80, HOST));
    assertThat(c.getEndpointsList()).extracting(LocalityLbEndpoints::getLocality)
        .containsExactly(Localities.of("eu-west/zone-9"), Localities.of("us-east/zone-1/rack-1"),
            Localities.of("us-east/zone-2"));
    LocalityLbEndpoints useast1 = c.getEndpoints(1);
    assertThat(useast1.getLoadBalancingWeight()).isEqualTo(UInt32Value.of(3));
    LbEndpoint a = useast1.getLbEndpoints(0);
    assertThat(a).isEqualTo(LbEndpoint.newBuilder()
        .setEndpoint(Endpoint.newBuilder().setAddress(LoadAssignments.address("10.7.0.1", 8080)))
        .setHealthStatus(HealthStatus.HEALTHY)
        .setLoadBalancingWeight(UInt32Value.of(3))
        .setMetadata(Metadata.newBuilder()
            .putFilterMetadata("envoy.transport_socket_match", Struct.newBuilder()
                .putFields("tlsMode", Clusters.string("istio")).build())
            .putFilterMetadata("istio", Struct.newBuilder()
                .putFields("workload", Clusters.string("search-a;catalog;search;v1;Kubernetes")).build()))
        .build());
    LbEndpoint b = c.getEndpoints(2).getLbEndpoints(0);
    assertThat(b.getEndpoint().getAddress()).isEqualTo(LoadAssignments.address("10.7.0.2", 9090));
    assertThat(b.getMetadata().containsFilterMetadata("envoy.transport_socket_match")).isFalse();
  }

  @Test
  @DisplayName("a subset keeps only endpoints whose labels include the subset's")
  void subset() {
    String dr = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: search, namespace: catalog}\n"
        + "spec:\n  host: search.catalog.svc.corp.example\n  subsets: [{name: v2, labels: {version: v2}}]\n";
    ClusterLoadAssignment c = cla(ctx(dr, Map.of()), ClusterNames.outbound(80, "v2", HOST));
    assertThat(c.getEndpointsList()).flatExtracting(LocalityLbEndpoints::getLbEndpointsList)
        .extracting(e -> e.getEndpoint().getAddress().getSocketAddress().getAddress()).containsExactly("10.7.0.2");
  }

  @Test
  @DisplayName("DR TLS DISABLE drops the tlsMode metadata; PeerAuthentication DISABLE on the workload does too")
  void tlsModeMetadata() {
    String dr = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: search, namespace: catalog}\n"
        + "spec:\n  host: search.catalog.svc.corp.example\n  trafficPolicy: {tls: {mode: DISABLE}}\n";
    assertThat(cla(ctx(dr, Map.of()), ClusterNames.outbound(80, HOST)).getEndpointsList())
        .flatExtracting(LocalityLbEndpoints::getLbEndpointsList)
        .allSatisfy(e -> assertThat(e.getMetadata().containsFilterMetadata("envoy.transport_socket_match")).isFalse());
    String pa = "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: search, namespace: catalog}\n"
        + "spec:\n  selector: {matchLabels: {app: search}}\n  mtls: {mode: STRICT}\n  portLevelMtls: {8080: {mode: DISABLE}}\n";
    assertThat(cla(ctx(pa, Map.of()), ClusterNames.outbound(80, HOST)).getEndpointsList())
        .flatExtracting(LocalityLbEndpoints::getLbEndpointsList)
        .allSatisfy(e -> assertThat(e.getMetadata().containsFilterMetadata("envoy.transport_socket_match")).isFalse());
  }

  @Test
  @DisplayName("with outlier detection, locality failover ranks localities by proximity to the proxy as priorities")
  void failover() {
    String dr = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: search, namespace: catalog}\n"
        + "spec:\n  host: search.catalog.svc.corp.example\n  trafficPolicy:\n    outlierDetection: {consecutive5xxErrors: 3}\n"
        + "    loadBalancer: {localityLbSetting: {enabled: true, failover: [{from: us-east, to: eu-west}]}}\n";
    ClusterLoadAssignment c = cla(ctx(dr, Map.of("topology.kubernetes.io/region", "us-east",
        "topology.kubernetes.io/zone", "zone-1", "topology.istio.io/subzone", "rack-1")), ClusterNames.outbound(80, HOST));
    Map<String, Integer> byRegionZone = new java.util.TreeMap<>();
    c.getEndpointsList().forEach(l -> byRegionZone.put(l.getLocality().getRegion() + "/" + l.getLocality().getZone(),
        l.getPriority()));
    assertThat(byRegionZone).containsExactlyInAnyOrderEntriesOf(Map.of("us-east/zone-1", 0, "us-east/zone-2", 1,
        "eu-west/zone-9", 2));
  }

  @Test
  @DisplayName("failoverPriority splits endpoints by how many listed labels they share with the proxy")
  void failoverPriority() {
    String dr = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: search, namespace: catalog}\n"
        + "spec:\n  host: search.catalog.svc.corp.example\n  trafficPolicy:\n    outlierDetection: {consecutive5xxErrors: 3}\n"
        + "    loadBalancer: {localityLbSetting: {failoverPriority: [version]}}\n";
    ClusterLoadAssignment c = cla(ctx(dr, Map.of("version", "v2")), ClusterNames.outbound(80, HOST));
    assertThat(c.getEndpointsList()).allSatisfy(l -> {
      String ip = l.getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress().getAddress();
      assertThat(l.getPriority()).isEqualTo(ip.equals("10.7.0.2") ? 0 : 1);
    });
  }

  @Test
  @DisplayName("distribute re-weights localities for a matching proxy and empties the others")
  void distribute() {
    String dr = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: search, namespace: catalog}\n"
        + "spec:\n  host: search.catalog.svc.corp.example\n  trafficPolicy:\n    loadBalancer: {localityLbSetting: "
        + "{distribute: [{from: 'us-east/*', to: {'us-east/zone-1/*': 80, 'eu-west/*': 20}}]}}\n";
    ClusterLoadAssignment c = cla(ctx(dr, Map.of("topology.kubernetes.io/region", "us-east")), ClusterNames.outbound(80, HOST));
    Map<String, LocalityLbEndpoints> byRegion = new java.util.TreeMap<>();
    c.getEndpointsList().forEach(l -> byRegion.put(l.getLocality().getRegion() + "/" + l.getLocality().getZone(), l));
    assertThat(byRegion.get("us-east/zone-1").getLoadBalancingWeight().getValue()).isEqualTo(80);
    assertThat(byRegion.get("eu-west/zone-9").getLoadBalancingWeight().getValue()).isEqualTo(20);
    assertThat(byRegion.get("us-east/zone-2").getLbEndpointsList()).isEmpty();
  }

  @Test
  @DisplayName("unknown hosts, ports, non-cluster names and DNS services give an assignment without endpoints")
  void empty() {
    String dns = "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ext, namespace: catalog}\n"
        + "spec:\n  hosts: [ext.corp.example]\n  resolution: DNS\n  ports: [{number: 80, name: http, protocol: HTTP}]\n";
    ProxyContext ctx = ctx(dns, Map.of());
    for (String n : List.of(ClusterNames.outbound(80, "nope.corp.example"), ClusterNames.outbound(81, HOST),
        "BlackHoleCluster", ClusterNames.outbound(80, "ext.corp.example"))) {
      assertThat(cla(ctx, n)).isEqualTo(ClusterLoadAssignment.newBuilder().setClusterName(n).build());
    }
    assertThat(new EndpointGenerator().generate(ctx, Set.of()).resources()).isEmpty();
  }
}
