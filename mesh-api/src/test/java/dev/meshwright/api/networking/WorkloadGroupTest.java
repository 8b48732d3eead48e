package dev.meshwright.api.networking;

import static dev.meshwright.api.networking.NetworkingFixtures.errors;
import static dev.meshwright.api.networking.NetworkingFixtures.read;
import static dev.meshwright.api.networking.NetworkingFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.yaml.MeshYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** WorkloadGroup with its probe, WorkloadEntry and ProxyConfig. */
class WorkloadGroupTest {
  private static final String WG = """
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata:
        name: reviews
        namespace: ns
      spec:
        template:
          ports: {http: 8080}
      """;

  @Test
  @DisplayName("a WorkloadGroup with an HTTP probe round-trips through YAML")
  void roundTrip() {
    WorkloadGroup wg = WorkloadGroup.builder()
        .metadata(ObjectMeta.of("reviews", "ns"))
        .spec(WorkloadGroupSpec.builder()
            .metadata(WorkloadGroupObjectMeta.builder().putLabel("app", "reviews").putAnnotation("a", "b").build())
            .template(WorkloadEntrySpec.builder().putPort("http", 8080).serviceAccount("reviews").build())
            .probe(ReadinessProbe.builder().initialDelaySeconds(5).periodSeconds(10).timeoutSeconds(1)
                .successThreshold(1).failureThreshold(3)
                .httpGet(HTTPHealthCheckConfig.builder().path("/ready").port(8080).scheme("HTTPS")
                    .addHttpHeaders(HTTPHealthCheckConfig.HTTPHeader.of("x-probe", "1")).build())
                .build())
            .build())
        .build();
    String yaml = MeshYaml.standard().writeYaml(wg);
    assertThat(yaml).contains("httpGet:", "initialDelaySeconds: 5", "x-probe");
    assertThat(read(yaml)).isEqualTo(wg);
    assertThat(validate(yaml)).isEmpty();
  }

  @Test
  @DisplayName("a probe needs exactly one method; two fail at build time")
  void probeMethod() {
    assertThat(errors(WG + "  probe: {periodSeconds: -1}\n")).containsExactly(
        "spec.probe.periodSeconds: periodSeconds must be non-negative",
        "spec.probe: unknown health check method <nil>");
    assertThat(errors(WG + "  probe: {tcpSocket: {port: 0}}\n")).containsExactly(
        "spec.probe.tcpSocket.port: port number 0 must be in the range 1..65535");
    assertThat(errors(WG + "  probe: {exec: {}}\n")).containsExactly("spec.probe.exec.command: exec.command is required");
    assertThatThrownBy(() -> ReadinessProbe.builder().tcpSocket(TCPHealthCheckConfig.builder().port(1).build())
        .exec(ExecHealthCheckConfig.of("true")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only one of httpGet, tcpSocket, exec");
  }

  @Test
  @DisplayName("template is required and metadata labels must be valid")
  void templateAndLabels() {
    assertThat(errors(WG.replace("  template:\n    ports: {http: 8080}\n", "  metadata: {}\n")))
        .containsExactly("spec.template: template is required");
    assertThat(errors(WG + "  metadata: {labels: {'.': '~'}}\n")).containsExactly(
        "spec.metadata.labels: invalid labels: invalid tag key: \".\"",
        "spec.metadata.labels: invalid labels: invalid tag value: \"~\"");
  }

  @Test
  @DisplayName("WorkloadEntry: address required unless a network is set; unix sockets take no ports")
  void workloadEntry() {
    String we = "apiVersion: networking.istio.io/v1beta1\nkind: WorkloadEntry\nmetadata: {name: vm}\nspec:\n";
    assertThat(errors(we + "  labels: {app: a}\n")).containsExactly("spec.address: address is required");
    assertThat(validate(we + "  network: n2\n")).containsExactly("warning spec.address: address is unset with network \"n2\"");
    assertThat(errors(we + "  address: unix:///sock\n  ports: {http: 80}\n"))
        .containsExactly("spec.ports: unix endpoint unix:///sock must not include ports");
    assertThat(errors(we + "  address: unix://@abstract\n")).isEmpty();
    assertThat(errors(we + "  address: 2001:db8::1\n  ports: {Bad_Name: 70000}\n")).containsExactly(
        "spec.ports[Bad_Name]: invalid port name: Bad_Name",
        "spec.ports[Bad_Name]: port number 70000 must be in the range 1..65535");
  }

  @Test
  @DisplayName("ProxyConfig: only v1beta1, concurrency not negative, all fields round-trip")
  void proxyConfig() {
    String pc = """
        apiVersion: networking.istio.io/v1beta1
        kind: ProxyConfig
        metadata:
          name: pc
          namespace: ns
        spec:
          concurrency: -1
          environmentVariables:
            ISTIO_META_X: "y"
          image:
            imageType: distroless
          selector:
            matchLabels: {app: a}
        """;
    ProxyConfig config = (ProxyConfig) read(pc);
    assertThat(config.spec().image().flatMap(ProxyConfigSpec.ProxyImage::imageType)).contains("distroless");
    assertThat(errors(pc)).containsExactly("spec.concurrency: concurrency must be greater than or equal to 0");
    assertThat(read(MeshYaml.standard().writeYaml(config))).isEqualTo(config);
    assertThat(MeshYaml.read("x", pc.replace("v1beta1", "v1")).diagnostics())
        .singleElement().satisfies(d -> assertThat(d.message()).contains("unsupported apiVersion"));
  }
}
