package dev.meshwright.xds.cluster;

import static dev.meshwright.xds.cluster.ClusterTestSupport.clusters;
import static dev.meshwright.xds.cluster.ClusterTestSupport.dr;
import static dev.meshwright.xds.cluster.ClusterTestSupport.service;
import static dev.meshwright.xds.cluster.ClusterTestSupport.sidecar;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterGeneratorTest {
  static final String CART = "cart.shop.svc.corp.example";
  static final String CART_SE = service("cart", "shop", "[{number: 8080, name: http, protocol: HTTP}, "
      + "{number: 9090, name: grpc, protocol: GRPC}, {number: 5353, name: udp-dns, protocol: UDP}]",
      "  endpoints:\n  - {address: 10.20.0.5, labels: {app: cart, version: v1, security.istio.io/tlsMode: istio}, "
          + "serviceAccount: cart}\n");

  @Test
  @DisplayName("a mesh service port gets exactly Istio's default EDS cluster: auto-mTLS matches, LEAST_REQUEST, defaults")
  void defaultEdsCluster() {
    Cluster c = clusters(sidecar(CART_SE, "front")).get(ClusterNames.outbound(8080, CART));
    String name = "outbound|8080||" + CART;
    Cluster expected = Cluster.newBuilder()
        .setName(name)
        .setType(Cluster.DiscoveryType.EDS)
        .setEdsClusterConfig(Clusters.edsConfig(name))
        .setConnectTimeout(Clusters.duration(Duration.ofSeconds(10)))
        .setLbPolicy(Cluster.LbPolicy.LEAST_REQUEST)
        .setCircuitBreakers(Clusters.defaultCircuitBreakers())
        .setCommonLbConfig(Cluster.CommonLbConfig.newBuilder().setLocalityWeightedLbConfig(
            Cluster.CommonLbConfig.LocalityWeightedLbConfig.getDefaultInstance()))
        .setMetadata(Clusters.servicesMetadata(List.of(Clusters.serviceMetadata(CART, CART, "shop"))))
        .addFilters(Clusters.metadataExchangeFilter())
        .addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder().setName("tlsMode-istio")
            .setMatch(Struct.newBuilder().putFields("tlsMode", Clusters.string("istio")))
            .setTransportSocket(TlsContexts.tlsSocket(TlsContexts.istioMutual(
                List.of("spiffe://cluster.local/ns/shop/sa/cart"), "outbound_.8080_._." + CART, TlsContexts.ALPN_IN_MESH))))
        .addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder().setName("tlsMode-disabled")
            .setMatch(Struct.getDefaultInstance()).setTransportSocket(TlsContexts.rawBufferSocket()))
        .build();
    assertThat(c).isEqualTo(expected);
  }

  @Test
  @DisplayName("HTTP/2 and gRPC ports speak HTTP/2 upstream and offer h2 in the mTLS ALPN; UDP ports get no cluster")
  void http2Port() throws Exception {
    Map<String, Cluster> all = clusters(sidecar(CART_SE, "front"));
    Cluster grpc = all.get(ClusterNames.outbound(9090, CART));
    assertThat(ClusterTestSupport.http(grpc).getExplicitHttpConfig().hasHttp2ProtocolOptions()).isTrue();
    assertThat(grpc.getTransportSocketMatches(0).getTransportSocket().getTypedConfig()
        .unpack(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.class)
        .getCommonTlsContext().getAlpnProtocolsList()).isEqualTo(TlsContexts.ALPN_IN_MESH_H2);
    assertThat(all).doesNotContainKey(ClusterNames.outbound(5353, CART));
  }

  @Test
  @DisplayName("ServiceEntry DNS is STRICT_DNS with the host itself as endpoint; NONE is ORIGINAL_DST; external gets no mTLS")
  void resolutions() {
    String yaml = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: partner, namespace: egress}
        spec:
          hosts: [api.partner.example]
          location: MESH_EXTERNAL
          resolution: DNS
          ports: [{number: 443, name: tls, protocol: TLS}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: legacy, namespace: egress}
        spec:
          hosts: [legacy.corp.example]
          location: MESH_EXTERNAL
          resolution: DNS_ROUND_ROBIN
          ports: [{number: 80, name: http, protocol: HTTP}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: anydb, namespace: egress}
        spec:
          hosts: [db.corp.example]
          addresses: [10.50.0.0/16]
          location: MESH_EXTERNAL
          resolution: NONE
          ports: [{number: 3306, name: mysql, protocol: TCP}]
        """;
    Map<String, Cluster> all = clusters(sidecar(yaml, "egress"));
    Cluster dns = all.get("outbound|443||api.partner.example");
    assertThat(dns.getType()).isEqualTo(Cluster.DiscoveryType.STRICT_DNS);
    assertThat(dns.getDnsLookupFamily()).isEqualTo(Cluster.DnsLookupFamily.V4_ONLY);
    assertThat(dns.hasEdsClusterConfig()).isFalse();
    LbEndpoint ep = dns.getLoadAssignment().getEndpoints(0).getLbEndpoints(0);
    assertThat(ep.getEndpoint().getAddress().getSocketAddress()).isEqualTo(
        SocketAddress.newBuilder().setAddress("api.partner.example").setPortValue(443).build());
    assertThat(dns.hasTransportSocket() || dns.getTransportSocketMatchesCount() > 0).isFalse();
    assertThat(dns.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("external").getBoolValue()).isTrue();
    assertThat(all.get("outbound|80||legacy.corp.example").getType()).isEqualTo(Cluster.DiscoveryType.LOGICAL_DNS);
    Cluster none = all.get("outbound|3306||db.corp.example");
    assertThat(none.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
    assertThat(none.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
    assertThat(none.hasEdsClusterConfig()).isFalse();
  }

  @Test
  @DisplayName("a sidecar gets BlackHole, Passthrough, inbound|<targetPort>|| per served port and one inbound passthrough per IP family")
  void catchAllAndInbound() {
    String yaml = service("orders", "shop", "[{number: 80, name: http, protocol: HTTP, targetPort: 8000}, "
        + "{number: 9000, name: tcp, protocol: TCP}]", "  endpoints:\n  - {address: 10.20.0.99}\n");
    ProxyContext ctx = MeshFixture.context(MeshFixture.snapshot(yaml),
        MeshFixture.proxy("sidecar", "10.20.0.99", "shop", Map.of(), Map.of("INSTANCE_IPS", "10.20.0.99,fd00::99")));
    Map<String, Cluster> all = clusters(ctx);
    assertThat(all.keySet()).contains(ClusterNames.BLACK_HOLE, ClusterNames.PASSTHROUGH, "inbound|8000||",
        "inbound|9000||", ClusterNames.INBOUND_PASSTHROUGH_IPV4, ClusterNames.INBOUND_PASSTHROUGH_IPV6);
    assertThat(all.get(ClusterNames.BLACK_HOLE)).isEqualTo(Clusters.blackHole(Duration.ofSeconds(10)));
    assertThat(all.get(ClusterNames.PASSTHROUGH)).isEqualTo(Clusters.passthrough(Duration.ofSeconds(10), Optional.empty()));
    assertThat(all.get(ClusterNames.INBOUND_PASSTHROUGH_IPV6).getUpstreamBindConfig().getSourceAddress().getAddress())
        .isEqualTo("::6");
    Cluster in = all.get("inbound|8000||");
    assertThat(in.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
    assertThat(in.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
    assertThat(in.getUpstreamBindConfig()).isEqualTo(Clusters.bind("127.0.0.6"));
    assertThat(in.getMetadata()).isEqualTo(Clusters.servicesMetadata(List.of(
        Clusters.serviceMetadata("orders.shop.svc.corp.example", "orders.shop.svc.corp.example", "shop"))));
    assertThat(in.hasTransportSocket()).isFalse();
    assertThat(in.getFiltersList()).isEmpty();
  }

  @Test
  @DisplayName("with inboundTrafficPolicy LOCALHOST the inbound cluster is STATIC to 127.0.0.1:<targetPort>")
  void inboundLocalhost() {
    String yaml = service("orders", "shop", "[{number: 80, name: http, protocol: HTTP, targetPort: 8000}]",
        "  endpoints:\n  - {address: 10.20.0.99}\n");
    var mesh = dev.meshwright.api.mesh.MeshConfig.builder().from(dev.meshwright.api.mesh.MeshConfigs.defaults())
        .inboundTrafficPolicy(dev.meshwright.api.mesh.InboundTrafficPolicy.builder()
            .mode(dev.meshwright.api.mesh.InboundTrafficPolicy.Mode.LOCALHOST).build()).build();
    ProxyContext ctx = MeshFixture.context(MeshFixture.snapshot(yaml, mesh), MeshFixture.sidecar("10.20.0.99", "shop",
        Map.of()));
    Cluster in = clusters(ctx).get("inbound|8000||");
    assertThat(in.getType()).isEqualTo(Cluster.DiscoveryType.STATIC);
    assertThat(in.getLoadAssignment().getClusterName()).isEqualTo("inbound|8000||");
    assertThat(in.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress())
        .isEqualTo(LoadAssignments.address("127.0.0.1", 8000));
    assertThat(in.hasUpstreamBindConfig()).isFalse();
  }

  @Test
  @DisplayName("a router gets outbound clusters and BlackHole only: no passthrough, no inbound")
  void router() {
    ProxyContext ctx = MeshFixture.context(MeshFixture.snapshot(CART_SE),
        MeshFixture.proxy("router", "10.20.0.5", "shop", Map.of(), Map.of()));
    assertThat(clusters(ctx).keySet()).containsExactly("outbound|8080||" + CART, "outbound|9090||" + CART,
        ClusterNames.BLACK_HOLE);
  }

  @Test
  @DisplayName("a Sidecar egress scope limits outbound clusters to the imported services")
  void sidecarScope() {
    String yaml = CART_SE + service("pay", "billing", "[{number: 80, name: http, protocol: HTTP}]", "")
        + "---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: front}\n"
        + "spec:\n  egress: [{hosts: ['billing/*']}]\n";
    assertThat(clusters(sidecar(yaml, "front")).keySet()).filteredOn(n -> n.startsWith("outbound"))
        .containsExactly("outbound|80||pay.billing.svc.corp.example");
  }

  @Test
  @DisplayName("asked for names, CDS returns only those")
  void names() {
    var out = new ClusterGenerator().generate(sidecar(CART_SE, "front"), Set.of(ClusterNames.BLACK_HOLE, "nope"));
    assertThat(out.resources()).extracting(r -> r.name()).containsExactly(ClusterNames.BLACK_HOLE);
  }

  @Test
  @DisplayName("auto-mTLS is off for a namespace whose PeerAuthentication is DISABLE, and when the mesh turns it off")
  void autoMtlsOff() {
    String pa = "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, "
        + "namespace: shop}\nspec:\n  mtls: {mode: DISABLE}\n";
    Cluster c = clusters(sidecar(CART_SE + pa, "front")).get(ClusterNames.outbound(8080, CART));
    assertThat(c.getTransportSocketMatchesCount()).isZero();
    assertThat(c.hasTransportSocket()).isFalse();
    var mesh = dev.meshwright.api.mesh.MeshConfig.builder().from(dev.meshwright.api.mesh.MeshConfigs.defaults())
        .enableAutoMtls(false).build();
    ProxyContext ctx = MeshFixture.context(MeshFixture.snapshot(CART_SE, mesh), MeshFixture.sidecar("10.9.9.9",
        "front", Map.of()));
    assertThat(clusters(ctx).get(ClusterNames.outbound(8080, CART)).getTransportSocketMatchesCount()).isZero();
  }

  @Test
  @DisplayName("DNS subsets carry only their endpoints in loadAssignment; a subset matching none gets no cluster")
  void dnsSubsets() {
    String yaml = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: mirrors, namespace: egress}
        spec:
          hosts: [mirror.corp.example]
          location: MESH_EXTERNAL
          resolution: DNS
          ports: [{number: 80, name: http, protocol: HTTP}]
          endpoints:
          - {address: a.mirror.corp.example, labels: {site: a}}
          - {address: b.mirror.corp.example, labels: {site: b}}
        """ + dr("mirrors", "egress", "mirror.corp.example",
        "  subsets: [{name: a, labels: {site: a}}, {name: z, labels: {site: z}}]\n");
    Map<String, Cluster> all = clusters(sidecar(yaml, "egress"));
    assertThat(all.get("outbound|80||mirror.corp.example").getLoadAssignment().getEndpoints(0).getLbEndpointsCount())
        .isEqualTo(2);
    Cluster a = all.get("outbound|80|a|mirror.corp.example");
    assertThat(a.getType()).isEqualTo(Cluster.DiscoveryType.STRICT_DNS);
    assertThat(a.getLoadAssignment().getClusterName()).isEqualTo("outbound|80|a|mirror.corp.example");
    assertThat(a.getLoadAssignment().getEndpointsList()).flatExtracting(l -> l.getLbEndpointsList())
        .extracting(e -> e.getEndpoint().getAddress().getSocketAddress().getAddress())
        .containsExactly("a.mirror.corp.example");
    assertThat(all).doesNotContainKey("outbound|80|z|mirror.corp.example");
  }
}
