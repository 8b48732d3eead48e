package dev.meshwright.api.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.Severity;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.networking.ConnectionPoolSettings.HTTPSettings;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SidecarTest {
  private static Sidecar sidecar(SidecarSpec spec) {
    return Sidecar.builder().metadata(ObjectMeta.of("default", "bookinfo")).spec(spec).build();
  }

  private static List<Diagnostic> validate(SidecarSpec spec) {
    return MeshValidator.create().validate(sidecar(spec));
  }

  private static IstioEgressListener egress(String... hosts) {
    return IstioEgressListener.builder().addHosts(hosts).build();
  }

  @Test
  @DisplayName("a sidecar with ingress, egress and outbound policy round-trips through YAML")
  void roundTrip() {
    Sidecar sc = sidecar(SidecarSpec.builder()
        .workloadSelector(WorkloadSelector.of(Map.of("app", "ratings")))
        .addIngress(IstioIngressListener.builder().port(Port.of(9080, "HTTP", "http"))
            .defaultEndpoint("127.0.0.1:8080").captureMode(CaptureMode.IPTABLES).build())
        .addEgress(IstioEgressListener.builder().port(Port.of(3306, "MYSQL", "mysql")).bind("127.0.0.1")
            .addHost("*/mysql.foo.com").build())
        .addEgress(egress("./*", "istio-system/*"))
        .outboundTrafficPolicy(OutboundTrafficPolicy.builder().mode(OutboundTrafficPolicy.Mode.ALLOW_ANY)
            .egressProxy(Destination.builder().host("egress.example.com")
                .port(PortSelector.of(3128)).build())
            .build())
        .build());
    String yaml = MeshYaml.standard().writeYaml(sc);
    assertThat(yaml).contains("kind: Sidecar", "captureMode: IPTABLES", "mode: ALLOW_ANY", "- ./*");
    ReadResult back = MeshYaml.read("sc.yaml", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(sc);
    assertThat(MeshValidator.create().validate(sc)).isEmpty();
  }

  @Test
  @DisplayName("the port-less egress listener must be last; hosts need namespace/host")
  void egressRules() {
    List<Diagnostic> d = validate(SidecarSpec.builder()
        .addEgress(egress("*/foo.com"))
        .addEgress(IstioEgressListener.builder().port(Port.of(8080, "http", "h")).addHosts("*", "ns/*a.com").build())
        .build());
    assertThat(d).extracting(Diagnostic::path, Diagnostic::message).containsExactly(
        tuple("spec.egress[0]", "sidecar: the egress listener with empty port should be the last listener in the list"),
        tuple("spec.egress[1].hosts[0]", "host must be of form namespace/dnsName"),
        tuple("spec.egress[1].hosts[1]", "partial wildcard \"*a.com\" not allowed"));
  }

  @Test
  @DisplayName("./ resolves to the Sidecar's namespace when finding duplicate hosts (warnings)")
  void duplicateHosts() {
    assertThat(validate(SidecarSpec.builder().addEgress(egress("./*", "bookinfo/a.com", "*/*")).build()))
        .extracting(Diagnostic::severity, Diagnostic::path, Diagnostic::message).containsExactly(
            tuple(Severity.WARNING, "spec.egress[0].hosts[1]", "duplicated egress host: bookinfo/a.com"),
            tuple(Severity.WARNING, "spec.egress[0].hosts",
                "`*/*` host select all resources, no other hosts can be added"));
  }

  @Test
  @DisplayName("ingress listeners: default endpoint, TLS restrictions, HTTP pool on a TCP port")
  void ingressRules() {
    List<Diagnostic> d = validate(SidecarSpec.builder()
        .addIngress(IstioIngressListener.builder().port(Port.of(90, "tcp", "tcp")).defaultEndpoint("1.1.1.1:90")
            .tls(ServerTLSSettings.builder().mode(ServerTLSSettings.TLSmode.ISTIO_MUTUAL).build())
            .connectionPool(ConnectionPoolSettings.builder().http(HTTPSettings.builder().maxRetries(3).build()).build())
            .build())
        .build());
    assertThat(d).extracting(Diagnostic::severity, Diagnostic::path, Diagnostic::message).containsExactly(
        tuple(Severity.ERROR, "spec.ingress[0].defaultEndpoint", "sidecar: defaultEndpoint must be of form "
            + "127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset"),
        tuple(Severity.ERROR, "spec.ingress[0].tls.mode",
            "configuration is invalid: cannot set mode to ISTIO_MUTUAL in sidecar ingress tls"),
        tuple(Severity.ERROR, "spec.ingress[0].tls", "server cannot have TLS settings for non HTTPS/TLS ports"),
        tuple(Severity.WARNING, "spec.ingress[0].connectionPool.http", "sidecar: HTTP connection pool settings are "
            + "configured for port 90 (\"tcp\") but its protocol is not HTTP (tcp); only TCP settings will apply"));
  }

  @Test
  @DisplayName("an empty Sidecar, and one with only a selector, is rejected")
  void empty() {
    assertThat(validate(SidecarSpec.builder().workloadSelector(WorkloadSelector.of(Map.of("app", "a"))).build()))
        .extracting(Diagnostic::message).containsExactly("sidecar: empty configuration provided");
  }
}
