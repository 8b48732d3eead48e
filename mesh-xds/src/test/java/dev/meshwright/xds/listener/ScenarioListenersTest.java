package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The upstream assertions of the xds-misc scenario cases (pilot/pkg/xds/lds_test.go) for sidecars. */
class ScenarioListenersTest {
  private static MeshSnapshot load(String scenario) throws IOException {
    Path file = Corpus.require("xds-misc/scenario/" + scenario).resolve("configs.yaml");
    return Lds.snapshot(Files.readString(file), Lds.mesh("istio-config"), "cluster.local");
  }

  @Test
  @DisplayName("sidecar-ns-scope: 4 listeners (virtualOutbound, virtualInbound, 0.0.0.0_8080, 2.1.1.3_3306)")
  void sidecarNsScope() throws IOException {
    MeshSnapshot s = load("sidecar-ns-scope");
    ProxyContext ctx = Lds.ctx(s, Lds.proxy("sidecar~100.1.1.2~app.ns1~ns1.svc.cluster.local",
        Map.of("NAMESPACE", "ns1")), "cluster.local");
    Map<String, Listener> ls = Lds.listeners(ctx);
    assertThat(ls.keySet()).containsExactlyInAnyOrder("virtualOutbound", "virtualInbound", "0.0.0.0_8080",
        "2.1.1.3_3306");
    // the proxy is an endpoint of http2.ns1 (8080, HTTP2) under a mesh-wide STRICT policy: one TLS HTTP chain
    assertThat(ls.get("virtualInbound").getFilterChainsList()).filteredOn(fc -> fc.getName().equals("0.0.0.0_8080"))
        .singleElement().satisfies(fc -> {
          assertThat(fc.getFilterChainMatch().getTransportProtocol()).isEqualTo("tls");
          assertThat(Lds.hcm(fc).orElseThrow().getRouteConfig().getName()).isEqualTo("inbound|8080||");
        });
  }

  @Test
  @DisplayName("sidecar-without-service: HCMs on 0.0.0.0_8081 (egress ns1/*) and virtualInbound (ingress 9080); one chain on 8081")
  void sidecarWithoutService() throws IOException {
    MeshSnapshot s = load("sidecar-without-service");
    ProxyContext ctx = Lds.ctx(s, Lds.proxy("sidecar~98.1.1.1~consumer.consumerns~consumerns.svc.cluster.local",
        Map.of("NAMESPACE", "consumerns", "LABELS", Map.of("app", "consumeronly"))), "cluster.local");
    Map<String, Listener> ls = Lds.listeners(ctx);
    assertThat(ls.values().stream().filter(Lds::hasHcm).map(Listener::getName))
        .containsExactlyInAnyOrder("0.0.0.0_8081", "virtualInbound");
    assertThat(ls.get("0.0.0.0_8081").getFilterChainsCount()).isEqualTo(1);
    assertThat(ls).doesNotContainKey("0.0.0.0_8082");
  }

  @Test
  @DisplayName("envoyfilter-without-service: 0.0.0.0_8081 is the only outbound listener with an HCM")
  void envoyFilterWithoutService() throws IOException {
    Path file = Corpus.require("xds-misc/scenario/envoyfilter-without-service").resolve("configs.yaml");
    MeshSnapshot s = Lds.snapshot(Files.readString(file));
    for (String ip : new String[] {"98.1.1.1", "98.1.1.2", "98.1.1.3"}) {
      ProxyContext ctx = Lds.ctx(s, Lds.proxy("sidecar~" + ip + "~app.consumerns~consumerns.svc.cluster.local",
          Map.of("NAMESPACE", "consumerns")), "cluster.local");
      assertThat(Lds.listeners(ctx).values().stream().filter(Lds::hasHcm).map(Listener::getName))
          .contains("0.0.0.0_8081");
    }
  }
}
