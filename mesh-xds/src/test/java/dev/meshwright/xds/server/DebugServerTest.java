package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.SotwProtocolTest.B_SE;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The debug port: syncz, config_dump, ready and metrics over HTTP. */
class DebugServerTest {
  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("syncz shows SYNCED, ERROR with the NACK text and NOT SENT; config_dump, ready and metrics answer")
  void endpoints() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (AdsServer ads = AdsServer.builder(TestMesh.source(), snapshot(A_SE, B_SE)).options(AdsOptions.loopback())
        .start();
        DebugServer debug = DebugServer.start("127.0.0.1", 0, ads, ready::get);
        AdsClient client = AdsClient.sotw(ads.port())) {
      assertThat(get(debug.port(), "/ready").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(debug.port(), "/ready").statusCode()).isEqualTo(200);

      client.request(TypeUrls.CLUSTER, List.of(), "", "");
      client.ack(client.next(), List.of());
      client.request(TypeUrls.LISTENER, List.of(), "", "");
      DiscoveryResponse lds = client.next();
      client.nack(lds, List.of(), "listener rejected: bad filter");
      client.request(TypeUrls.SECRET, List.of("barrier"), "", "");
      client.next();

      JsonNode syncz = new ObjectMapper().readTree(get(debug.port(), "/debug/syncz").body());
      assertThat(syncz).hasSize(1);
      JsonNode p = syncz.get(0);
      assertThat(p.get("proxy").asText()).isEqualTo("shop-v1-abc.shop");
      assertThat(p.get("cluster_id").asText()).isEqualTo("corp-east");
      assertThat(p.get("cluster_status").asText()).isEqualTo("SYNCED");
      assertThat(p.get("cluster_acked").asText()).isEqualTo(p.get("cluster_sent").asText()).isNotEmpty();
      assertThat(p.get("listener_status").asText()).isEqualTo("ERROR");
      assertThat(p.get("listener_error").asText()).isEqualTo("listener rejected: bad filter");
      assertThat(p.get("route_status").asText()).isEqualTo("NOT SENT");

      HttpResponse<String> dump = get(debug.port(), "/debug/config_dump?proxyID=shop-v1-abc.shop");
      assertThat(dump.statusCode()).isEqualTo(200);
      JsonNode configs = new ObjectMapper().readTree(dump.body()).get("configs");
      assertThat(configs.get(0).get("@type").asText()).isEqualTo("type.googleapis.com/envoy.admin.v3.ClustersConfigDump");
      assertThat(configs.get(0).get("dynamicActiveClusters")).hasSize(2);
      assertThat(configs.get(2).get("dynamicListeners").get(0).get("activeState").get("listener").get("apiListener"))
          .isNotNull();
      assertThat(get(debug.port(), "/debug/config_dump?proxyID=nobody.nowhere").statusCode()).isEqualTo(404);
      assertThat(get(debug.port(), "/debug/config_dump").statusCode()).isEqualTo(400);

      String metrics = get(debug.port(), "/metrics").body();
      assertThat(metrics).contains("pilot_xds 1\n", "pilot_total_xds_rejects{type=\"lds\"} 1\n",
          "pilot_xds_pushes{type=\"cds\"} 1\n", "# TYPE pilot_proxy_convergence_time histogram");
    }
  }
}
