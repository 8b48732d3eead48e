package dev.meshwright.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdsTest {
  @Test
  @DisplayName("a sidecar node ID with metadata gives type, IPs, namespace, labels and the gRPC generator flag")
  void sidecar() {
    Proxy p = NodeIds.parse("sidecar~10.1.2.3~reviews-v1-abc.bookinfo~bookinfo.svc.corp.example",
        Map.of("LABELS", Map.of("app", "reviews", "version", "v1"), "GENERATOR", "grpc",
            "ISTIO_VERSION", "1.22.8")).orThrow();
    assertThat(p.type()).isEqualTo(ProxyType.SIDECAR);
    assertThat(p.ipAddresses()).containsExactly("10.1.2.3");
    assertThat(p.namespace()).isEqualTo("bookinfo");
    assertThat(p.podName()).isEqualTo("reviews-v1-abc");
    assertThat(p.labels()).containsEntry("version", "v1");
    assertThat(p.isProxylessGrpc()).isTrue();
    assertThat(p.domainSuffix()).isEqualTo("corp.example");
    assertThat(p.istioVersion()).contains("1.22.8");
  }

  @Test
  @DisplayName("INSTANCE_IPS overrides the node ID's IP and NAMESPACE overrides the ID's namespace")
  void metadataOverrides() {
    Proxy p = NodeIds.parse("router~1.1.1.1~gw.x~x.svc.cluster.local",
        Map.of("INSTANCE_IPS", "10.0.0.5,fd00::5", "NAMESPACE", "istio-system")).orThrow();
    assertThat(p.type()).isEqualTo(ProxyType.ROUTER);
    assertThat(p.ipAddresses()).isEqualTo(List.of("10.0.0.5", "fd00::5"));
    assertThat(p.namespace()).isEqualTo("istio-system");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sidecar", "sidecar~1.2.3.4~x", "gateway~1.2.3.4~a.b~b.svc.cluster.local",
      "sidecar~not-an-ip~a.b~b.svc.cluster.local", "sidecar~1.2.3.4~~b.svc.cluster.local",
      "sidecar~1.2.3.999~a.b~d", "a~b~c~d~e"})
  @DisplayName("a malformed node ID is an Invalid result with a message, never an exception")
  void invalid(String id) {
    NodeIds.Parsed parsed = NodeIds.parse(id, Map.of());
    assertThat(parsed).isInstanceOf(NodeIds.Parsed.Invalid.class);
    assertThat(((NodeIds.Parsed.Invalid) parsed).message()).contains("node ID");
  }
}
