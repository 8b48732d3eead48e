package dev.meshwright.api.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.Severity;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayTest {
  private static Gateway gateway(String name, Server... servers) {
    return Gateway.builder()
        .metadata(ObjectMeta.of(name, "istio-system"))
        .spec(GatewaySpec.builder().putSelector("istio", "ingressgateway").addServers(servers).build())
        .build();
  }

  private static List<Diagnostic> validate(Server... servers) {
    return MeshValidator.create().validate(gateway("gw", servers));
  }

  @Test
  @DisplayName("an HTTP + HTTPS gateway round-trips through YAML and validates clean")
  void roundTrip() {
    Gateway gw = gateway("bookinfo-gateway",
        Server.builder().port(Port.of(80, "HTTP", "http")).addHost("*.example.com")
            .tls(ServerTLSSettings.builder().httpsRedirect(true).build()).build(),
        Server.builder().port(Port.of(443, "HTTPS", "https")).addHost("bookinfo/*.example.com")
            .tls(ServerTLSSettings.builder().mode(TLSmode.SIMPLE).credentialName("bookinfo-cert")
                .minProtocolVersion(ServerTLSSettings.TLSProtocol.TLSV1_2).addCipherSuite("ECDHE-RSA-AES128-GCM-SHA256")
                .build())
            .build());
    String yaml = MeshYaml.standard().writeYaml(gw);
    assertThat(yaml).contains("kind: Gateway", "minProtocolVersion: TLSV1_2", "httpsRedirect: true");
    ReadResult back = MeshYaml.read("gw.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(gw);
    assertThat(MeshValidator.create().validate(gw)).isEmpty();
  }

  @Test
  @DisplayName("server hosts: short names, partial wildcards, ~/ and IPs")
  void hosts() {
    Server server = Server.builder().port(Port.of(80, "HTTP", "http"))
        .addHosts("foo", "*bar.com", "~/foo.bar.com", "10.0.0.1", "ns1/foo.bar.com").build();
    assertThat(validate(server)).extracting(Diagnostic::path, Diagnostic::message).containsExactly(
        tuple("spec.servers[0].hosts[0]", "short names (non FQDN) are not allowed"),
        tuple("spec.servers[0].hosts[1]", "partial wildcard \"*bar.com\" not allowed"),
        tuple("spec.servers[0].hosts[2]", "invalid namespace value \"~\" in gateway"));
  }

  @Test
  @DisplayName("a Gateway generated from the Gateway API may use ~/ hosts and a dotted name")
  void gatewayApiSemantics() {
    Gateway gw = Gateway.builder()
        .metadata(ObjectMeta.builder().name("gw.generated").namespace("ns")
            .putAnnotation("internal.istio.io/gateway-semantics", "gateway").build())
        .spec(GatewaySpec.builder()
            .addServer(Server.builder().port(Port.of(80, "HTTP", "http")).addHost("~/foo.bar.com").build()).build())
        .build();
    assertThat(MeshValidator.create().validate(gw)).isEmpty();
    assertThat(MeshValidator.create().validate(Gateway.builder().from(gw).metadata(ObjectMeta.of("gw.x", "ns")).build()))
        .extracting(Diagnostic::path, Diagnostic::message)
        .contains(tuple("metadata.name", "invalid gateway name: \"gw.x\""));
  }

  @Test
  @DisplayName("port, bind and TLS rules of a server")
  void portBindTls() {
    List<Diagnostic> d = validate(
        Server.builder().port(Port.builder().number(8443).protocol("HTTPS").build()).addHost("a.example.com").build(),
        Server.builder().port(Port.of(7, "HTTP", "h")).addHost("b.example.com").bind("unix://@sock").build(),
        Server.builder().port(Port.of(443, "TLS", "tls")).addHost("c.example.com")
            .tls(ServerTLSSettings.builder().mode(TLSmode.MUTUAL).serverCertificate("cert").privateKey("key").build())
            .build());
    assertThat(d).extracting(Diagnostic::severity, Diagnostic::path, Diagnostic::message).containsExactly(
        tuple(Severity.ERROR, "spec.servers[0].port.name", "port name must be set: number:8443 protocol:\"HTTPS\""),
        tuple(Severity.ERROR, "spec.servers[1].bind",
            "port number must be 0 for unix domain socket: number:7 protocol:\"HTTP\" name:\"h\""),
        tuple(Severity.ERROR, "spec.servers[2].tls.caCertificates", "MUTUAL TLS requires a client CA bundle"));
  }

  @Test
  @DisplayName("cipher suite and passthrough certificate findings are warnings")
  void warnings() {
    List<Diagnostic> d = validate(
        Server.builder().port(Port.of(443, "TLS", "tls")).addHost("a.example.com")
            .tls(ServerTLSSettings.builder().mode(TLSmode.PASSTHROUGH).caCertificates("ca")
                .addCipherSuites("bogus", "-AES128-SHA", "AES128-SHA", "AES128-SHA").build())
            .build());
    assertThat(d).extracting(Diagnostic::severity, Diagnostic::message).containsExactly(
        tuple(Severity.WARNING, "ignoring invalid cipher suites: [bogus]"),
        tuple(Severity.WARNING, "ignoring duplicate cipher suites: [AES128-SHA]"),
        tuple(Severity.WARNING, "PASSTHROUGH mode does not use certificates, they will be ignored"));
  }
}
