package dev.meshwright.xds.cluster;

import static dev.meshwright.xds.cluster.ClusterTestSupport.clusters;
import static dev.meshwright.xds.cluster.ClusterTestSupport.dr;
import static dev.meshwright.xds.cluster.ClusterTestSupport.tls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TlsClustersTest {
  static final String HOST = "payments.partner.example";
  static final String SE = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: payments, namespace: egress}
      spec:
        hosts: [payments.partner.example]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 443, name: https, protocol: HTTPS}, {number: 8443, name: h2, protocol: HTTP2}]
      """;

  private static Cluster cluster(String body, int port, ProxyContext ctx) {
    return clusters(ctx).get(ClusterNames.outbound(port, HOST));
  }

  private static ProxyContext sidecar(String drBody) {
    return ClusterTestSupport.sidecar(SE + dr("payments", "egress", HOST, drBody), "egress");
  }

  @Test
  @DisplayName("SIMPLE without CA or SNI: system roots over SDS, auto SNI and SAN validation, alpn_override metadata")
  void simple() throws Exception {
    Cluster c = cluster("", 443, sidecar("  trafficPolicy: {tls: {mode: SIMPLE}}\n"));
    UpstreamTlsContext t = tls(c);
    assertThat(c.getTransportSocket().getName()).isEqualTo(TlsContexts.TLS_SOCKET);
    assertThat(t.getSni()).isEmpty();
    assertThat(t.getCommonTlsContext().getTlsParams()).isEqualTo(TlsContexts.defaultParams());
    assertThat(t.getCommonTlsContext().getCombinedValidationContext()).isEqualTo(
        CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setDefaultValidationContext(TlsContexts.sanValidation(List.of(), ""))
            .setValidationContextSdsSecretConfig(TlsContexts.sds("file-root:system")).build());
    assertThat(t.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList()).isEmpty();
    var upstream = ClusterTestSupport.http(c).getUpstreamHttpProtocolOptions();
    assertThat(upstream.getAutoSni()).isTrue();
    assertThat(upstream.getAutoSanValidation()).isTrue();
    assertThat(c.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("alpn_override").getStringValue())
        .isEqualTo("false");
    assertThat(c.getTransportSocketMatchesCount()).isZero();
  }

  @Test
  @DisplayName("SIMPLE with SNI, SANs and a CA file validates against that file; HTTP/2 clusters offer ALPN h2")
  void simpleConfigured() throws Exception {
    Cluster c = cluster("", 8443, sidecar("  trafficPolicy: {tls: {mode: SIMPLE, sni: pay.partner.example, "
        + "caCertificates: /etc/ca.pem, subjectAltNames: [pay.partner.example]}}\n"));
    UpstreamTlsContext t = tls(c);
    assertThat(t.getSni()).isEqualTo("pay.partner.example");
    assertThat(t.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig().getName())
        .isEqualTo("file-root:/etc/ca.pem");
    assertThat(t.getCommonTlsContext().getCombinedValidationContext().getDefaultValidationContext())
        .isEqualTo(TlsContexts.sanValidation(List.of("pay.partner.example"), ""));
    assertThat(t.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2");
    assertThat(ClusterTestSupport.http(c).getUpstreamHttpProtocolOptions().getAutoSni()).isFalse();
  }

  @Test
  @DisplayName("MUTUAL with files presents file-cert:<cert>~<key>; a rule without the key pair is invalid: no TLS")
  void mutualFiles() throws Exception {
    Cluster c = cluster("", 443, sidecar("  trafficPolicy: {tls: {mode: MUTUAL, clientCertificate: /c.pem, "
        + "privateKey: /k.pem, caCertificates: /ca.pem}}\n"));
    assertThat(tls(c).getCommonTlsContext().getTlsCertificateSdsSecretConfigsList())
        .containsExactly(TlsContexts.sds("file-cert:/c.pem~/k.pem"));
    ProxyContext badCtx = sidecar("  trafficPolicy: {tls: {mode: MUTUAL, caCertificates: /ca.pem}}\n");
    assertThat(cluster("", 443, badCtx).hasTransportSocket()).isFalse();
    assertThat(badCtx.snapshot().diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("left out"));
  }

  @Test
  @DisplayName("credentialName: ignored on sidecars without a workload selector, kubernetes:// secrets over ADS on routers")
  void credentialName() throws Exception {
    String body = "  trafficPolicy: {tls: {mode: MUTUAL, credentialName: partner-cert}}\n";
    assertThat(cluster("", 443, sidecar(body)).hasTransportSocket()).isFalse();
    ProxyContext router = MeshFixture.context(MeshFixture.snapshot(SE + dr("payments", "egress", HOST, body)),
        MeshFixture.proxy("router", "10.0.0.2", "egress", Map.of(), Map.of()));
    CommonTlsContext common = tls(cluster("", 443, router)).getCommonTlsContext();
    assertThat(common.getTlsCertificateSdsSecretConfigsList()).containsExactly(TlsContexts.sdsCredential("partner-cert"));
    assertThat(common.getTlsCertificateSdsSecretConfigs(0).getName()).isEqualTo("kubernetes://partner-cert");
    assertThat(common.getTlsCertificateSdsSecretConfigs(0).getSdsConfig().hasAds()).isTrue();
    assertThat(common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName())
        .isEqualTo("kubernetes://partner-cert-cacert");
  }

  @Test
  @DisplayName("explicit ISTIO_MUTUAL is a plain TLS socket (no matches) with the user's SANs and SNI")
  void istioMutualExplicit() throws Exception {
    Cluster c = cluster("", 443, sidecar("  trafficPolicy: {tls: {mode: ISTIO_MUTUAL, sni: my.sni, "
        + "subjectAltNames: ['spiffe://corp.example/ns/egress/sa/pay']}}\n"));
    assertThat(c.getTransportSocketMatchesCount()).isZero();
    assertThat(tls(c)).isEqualTo(TlsContexts.istioMutual(List.of("spiffe://corp.example/ns/egress/sa/pay"), "my.sni",
        TlsContexts.ALPN_IN_MESH));
  }

  @Test
  @DisplayName("DISABLE sends plaintext even to mesh services with auto-mTLS; a subset can turn ISTIO_MUTUAL back on")
  void disableAndSubset() throws Exception {
    String yaml = ClusterTestSupport.service("ledger", "fin", "[{number: 80, name: http, protocol: HTTP}]",
        "  endpoints:\n  - {address: 10.1.1.1, labels: {v: a, security.istio.io/tlsMode: istio}}\n")
        + dr("ledger", "fin", "ledger.fin.svc.corp.example",
        "  trafficPolicy: {tls: {mode: DISABLE}}\n  subsets: [{name: a, labels: {v: a}, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}]\n");
    Map<String, Cluster> all = clusters(ClusterTestSupport.sidecar(yaml, "fin"));
    Cluster def = all.get("outbound|80||ledger.fin.svc.corp.example");
    assertThat(def.hasTransportSocket() || def.getTransportSocketMatchesCount() > 0).isFalse();
    Cluster a = all.get("outbound|80|a|ledger.fin.svc.corp.example");
    assertThat(tls(a).getSni()).isEqualTo("outbound_.80_.a_.ledger.fin.svc.corp.example");
  }
}
