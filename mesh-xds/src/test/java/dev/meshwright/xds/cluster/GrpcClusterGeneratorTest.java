package dev.meshwright.xds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.endpoint.EndpointGenerator;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.grpc.xds.GrpcXdsParsing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GrpcClusterGeneratorTest {
  static final String HOST = "echo.grpc-apps.svc.corp.example";
  static final String YAML = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: echo, namespace: grpc-apps}
      spec:
        hosts: [echo.grpc-apps.svc.corp.example]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 7070, name: grpc, protocol: GRPC}]
        endpoints:
        - {address: 10.4.0.1, labels: {version: v1, security.istio.io/tlsMode: istio}, serviceAccount: echo}
        - {address: 10.4.0.2, labels: {version: v2, security.istio.io/tlsMode: istio}, serviceAccount: echo}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: echo, namespace: grpc-apps}
      spec:
        host: echo.grpc-apps.svc.corp.example
        trafficPolicy:
          tls: {mode: ISTIO_MUTUAL}
        subsets:
        - {name: v1, labels: {version: v1}}
        - name: v2
          labels: {version: v2}
          trafficPolicy:
            loadBalancer: {consistentHash: {httpHeaderName: x-user}}
        - name: v3
          labels: {version: v3}
          trafficPolicy:
            loadBalancer: {consistentHash: {maglev: {tableSize: 65537}, httpHeaderName: x-user}}
      """;

  private static ProxyContext ctx() {
    return MeshFixture.context(MeshFixture.snapshot(YAML), MeshFixture.proxy("sidecar", "10.4.9.9", "grpc-apps",
        Map.of("app", "client"), Map.of("GENERATOR", "grpc")));
  }

  @Test
  @DisplayName("only the requested names, each an EDS cluster over ADS; unknown hosts are left out with a warning")
  void requestedOnly() {
    ResourceGenerator.Output out = new GrpcClusterGenerator().generate(ctx(), Set.of(
        ClusterNames.outbound(7070, "v1", HOST), ClusterNames.outbound(7070, "", "nope.corp.example")));
    assertThat(out.resources()).extracting(XdsResource::name).containsExactly("outbound|7070|v1|" + HOST);
    Cluster c = (Cluster) out.resources().get(0).message();
    assertThat(c.getType()).isEqualTo(Cluster.DiscoveryType.EDS);
    assertThat(c.getEdsClusterConfig().getServiceName()).isEqualTo("outbound|7070|v1|" + HOST);
    assertThat(c.getEdsClusterConfig().getEdsConfig().hasAds()).isTrue();
    assertThat(out.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("nope.corp.example"));
  }

  @Test
  @DisplayName("ISTIO_MUTUAL becomes certificate-provider TLS: instance 'default', certificates 'default' and 'ROOTCA'")
  void tls() throws Exception {
    Cluster c = (Cluster) new GrpcClusterGenerator().generate(ctx(), Set.of(ClusterNames.outbound(7070, HOST)))
        .resources().get(0).message();
    assertThat(c.getTransportSocket().getName()).isEqualTo("envoy.transport_sockets.tls");
    UpstreamTlsContext tls = c.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);
    assertThat(tls).isEqualTo(TlsContexts.grpcIstioMutual(List.of("spiffe://cluster.local/ns/grpc-apps/sa/echo")));
    assertThat(tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList()).isEmpty();
  }

  @Test
  @DisplayName("grpc-java's own CDS parser accepts every cluster: round robin by default, ring hash for hashing")
  void grpcJavaAccepts() {
    ResourceGenerator.Output out = new GrpcClusterGenerator().generate(ctx(), Set.of(
        ClusterNames.outbound(7070, HOST), ClusterNames.outbound(7070, "v1", HOST),
        ClusterNames.outbound(7070, "v2", HOST), ClusterNames.outbound(7070, "v3", HOST)));
    assertThat(out.resources()).hasSize(4);
    for (XdsResource r : out.resources()) {
      GrpcXdsParsing.ParsedCluster p = GrpcXdsParsing.cluster(r.message().toByteArray());
      assertThat(p.name()).isEqualTo(r.name());
      assertThat(p.type()).isEqualTo("EDS");
      assertThat(p.edsServiceName()).isEqualTo(r.name());
      assertThat(p.hasTls()).isTrue();
      String expected = r.name().contains("|v2|") || r.name().contains("|v3|") ? "ring_hash_experimental" : "round_robin";
      assertThat(p.lbPolicy().toString()).contains(expected);
    }
  }

  @Test
  @DisplayName("grpc-java's EDS parser accepts the endpoints of a gRPC cluster")
  void grpcJavaAcceptsEndpoints() {
    ResourceGenerator.Output out = new EndpointGenerator().generate(ctx(), Set.of(ClusterNames.outbound(7070, "v1", HOST)));
    String parsed = GrpcXdsParsing.endpoints(out.resources().get(0).message().toByteArray());
    assertThat(parsed).contains("10.4.0.1").doesNotContain("10.4.0.2");
  }
}
