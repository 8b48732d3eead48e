package dev.meshwright.api.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.HTTPHealthCheckConfig;
import dev.meshwright.api.networking.HTTPRetry;
import dev.meshwright.api.networking.ProxyConfigSpec.ProxyImage;
import dev.meshwright.api.networking.ReadinessProbe;
import dev.meshwright.api.yaml.MeshConfigYaml;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MeshConfig and ProxyConfig fields whose type is a networking message: typed, round-tripped, validated. */
class MeshConfigNetworkingFieldsTest {
  private static final String YAML = """
      defaultHttpRetryPolicy: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure"}
      defaultConfig:
        image: {imageType: distroless}
        readinessProbe:
          httpGet: {path: /healthz/ready, port: 15021}
          periodSeconds: 5
        tracing:
          zipkin: {address: "zipkin.istio-system:9411"}
          tlsSettings: {mode: SIMPLE, caCertificates: /etc/ca.pem, sni: zipkin.example.com}
      ca:
        address: ca.example.com:443
        tlsSettings: {mode: SIMPLE, credentialName: ca-cred}
      """;

  @Test
  @DisplayName("networking-typed fields bind to the networking types and survive a YAML round trip")
  void typedFields() {
    MeshConfigs.Result r = MeshConfigYaml.read("mesh.yaml", YAML);
    assertThat(r.diagnostics()).isEmpty();
    MeshConfig mesh = r.meshConfig().orElseThrow();
    assertThat(mesh.defaultHttpRetryPolicy()).contains(HTTPRetry.builder().attempts(3)
        .perTryTimeout(Duration.ofSeconds(2)).retryOn("5xx,connect-failure").build());
    ProxyConfig proxy = mesh.defaultConfig().orElseThrow();
    assertThat(proxy.image()).contains(ProxyImage.of("distroless"));
    assertThat(proxy.readinessProbe().flatMap(ReadinessProbe::httpGet).flatMap(HTTPHealthCheckConfig::port))
        .contains(15021);
    assertThat(proxy.tracing().flatMap(Tracing::tlsSettings).flatMap(ClientTLSSettings::mode))
        .contains(ClientTLSSettings.TLSmode.SIMPLE);
    assertThat(mesh.ca().flatMap(CA::tlsSettings).flatMap(ClientTLSSettings::credentialName)).contains("ca-cred");

    MeshConfigs.Result back = MeshConfigYaml.read("back.yaml", MeshConfigYaml.writeYaml(mesh));
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.meshConfig()).contains(mesh);
  }

  @Test
  @DisplayName("tracing TLS settings get the DestinationRule client TLS rules, under Istio's prefix")
  void tracingTls() {
    MeshConfigs.Result r = MeshConfigYaml.load("mesh.yaml", """
        defaultConfig:
          tracing:
            zipkin: {address: "zipkin.istio-system:9411"}
            tlsSettings: {mode: MUTUAL, insecureSkipVerify: true, subjectAltNames: [zipkin]}
        """);
    assertThat(r.diagnostics()).filteredOn(d -> d.path().startsWith("defaultConfig.tracing"))
        .extracting(d -> d.path() + ": " + d.message())
        .containsExactly(
            "defaultConfig.tracing.tlsSettings: invalid tracing TLS config: "
                + "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true",
            "defaultConfig.tracing.tlsSettings: invalid tracing TLS config: client certificate required for mutual tls",
            "defaultConfig.tracing.tlsSettings: invalid tracing TLS config: private key required for mutual tls");
  }

  @Test
  @DisplayName("the mesh-wide locality setting never warns about a missing outlier detection policy")
  void meshLocalityFailover() {
    MeshConfigs.Result r = MeshConfigYaml.load("mesh.yaml", """
        localityLbSetting:
          failover: [{from: us-east, to: us-west}]
        """);
    assertThat(r.diagnostics()).filteredOn(d -> d.path().startsWith("localityLbSetting")).isEmpty();
  }
}
