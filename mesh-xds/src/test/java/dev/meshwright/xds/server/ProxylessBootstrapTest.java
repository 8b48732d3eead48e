package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProxylessBootstrapTest {
  private final ProxylessBootstrap bootstrap = ProxylessBootstrap.of("127.0.0.1:15010", "productpage-v1-7d9", "shop")
      .withLabels(Map.of("app", "productpage", "version", "v1")).withIp("10.1.0.7");

  @Test
  @DisplayName("the node the bootstrap announces is parsed back as a proxyless gRPC sidecar with its namespace and labels")
  void nodeRoundTrips() {
    @SuppressWarnings("unchecked")
    Map<String, Object> node = (Map<String, Object>) bootstrap.toMap().get("node");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) node.get("metadata");

    Proxy proxy = NodeIds.parse((String) node.get("id"), metadata).orThrow();

    assertThat(proxy.id()).isEqualTo("productpage-v1-7d9.shop");
    assertThat(proxy.ip()).isEqualTo("10.1.0.7");
    assertThat(proxy.namespace()).isEqualTo("shop");
    assertThat(proxy.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("app", "productpage", "version", "v1"));
    assertThat(proxy.isProxylessGrpc()).isTrue();
    assertThat(proxy.istioVersion()).contains("1.22.8");
  }

  @Test
  @DisplayName("the JSON form is the map: one insecure xds_v3 server and the node")
  void jsonIsTheMap() throws Exception {
    Map<?, ?> json = new ObjectMapper().readValue(bootstrap.toJson(), Map.class);

    assertThat(json).isEqualTo(bootstrap.toMap());
    assertThat(json.get("xds_servers")).isEqualTo(List.of(Map.of("server_uri", "127.0.0.1:15010",
        "channel_creds", List.of(Map.of("type", "insecure")), "server_features", List.of("xds_v3"))));
    assertThat(bootstrap.nodeId()).isEqualTo("sidecar~10.1.0.7~productpage-v1-7d9.shop~shop.svc.cluster.local");
  }
}
