package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.cli.MeshctlValidateTest.Run;
import dev.meshwright.cli.serve.ServeRuntime;
import dev.meshwright.cli.serve.ServeSettings;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.ConfigSource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meshctl serve's runtime with the real generators, and proxy-status / proxy-config against it. */
class MeshctlServeTest {
  @TempDir Path dir;

  private static String serviceEntry(String name, String host, int port, String ip) {
    return """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: %s, namespace: shop}
        spec:
          hosts: [%s]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: %d, name: http, protocol: HTTP}]
          endpoints: [{address: %s}]
        """.formatted(name, host, port, ip);
  }

  private static final String NODE = "sidecar~10.9.9.9~shop-v1-abc.shop~shop.svc.corp.example";

  private static List<String> clusterNames(DiscoveryResponse r) {
    return r.getResourcesList().stream().map(a -> {
      try {
        return a.unpack(Cluster.class).getName();
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  @Test
  @DisplayName("serve pushes the directory's services, keeps serving past a bad file, pushes the next good change; "
      + "proxy-status and proxy-config read it")
  void serveReloadAndTools() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), serviceEntry("a", "a.shop.corp.example", 8080, "10.0.0.1"));
    StringWriter errText = new StringWriter();
    PrintWriter err = new PrintWriter(errText, true);
    ServeSettings settings = new ServeSettings(dir, Optional.empty(), "127.0.0.1", 0, 0, Optional.empty(),
        Optional.empty(), false, Duration.ofHours(1), Duration.ZERO);
    ConfigSource source = ConfigSource.of(Istiod.generator(XdsOptions.defaults().withDomainSuffix("corp.example")));
    try (ServeRuntime rt = ServeRuntime.start(settings, source, err);
        SotwStream stream = new SotwStream(rt.xdsPort())) {
      Node node = Node.newBuilder().setId(NODE).build();
      stream.subscribe(node, TypeUrls.CLUSTER);
      DiscoveryResponse first = stream.next();
      assertThat(clusterNames(first)).contains("outbound|8080||a.shop.corp.example");
      stream.ack(first);

      Files.writeString(dir.resolve("a.yaml"), "kind: ServiceEntry\nmetadata: {name: a\n  - broken");
      rt.reload();
      assertThat(errText.toString()).contains("a.yaml");
      assertThat(rt.snapshot().registry().services("a.shop.corp.example")).hasSize(1);

      Files.writeString(dir.resolve("b.yaml"), serviceEntry("b", "b.shop.corp.example", 9090, "10.0.0.2"));
      assertThat(rt.reload()).isTrue();
      DiscoveryResponse second = stream.next();
      assertThat(clusterNames(second))
          .contains("outbound|8080||a.shop.corp.example", "outbound|9090||b.shop.corp.example");
      stream.ack(second);

      String debug = "127.0.0.1:" + rt.debugPort();
      Run status = waitForSynced(debug);
      assertThat(status.out().lines().findFirst().orElseThrow())
          .matches("NAME +CLUSTER +CDS +LDS +EDS +RDS +ECDS +ISTIOD +VERSION");
      assertThat(status.out()).contains("shop-v1-abc.shop");

      Run clusters = meshctl("", "proxy-config", "cluster", "shop-v1-abc.shop", "--xds-address", debug);
      assertThat(clusters.code()).isZero();
      assertThat(clusters.out()).containsPattern("b\\.shop\\.corp\\.example +9090 +- +outbound +EDS");
      Run json = meshctl("", "proxy-config", "cluster", "shop-v1-abc.shop", "--xds-address", debug, "-o", "json");
      assertThat(json.out()).contains("\"name\" : \"outbound|9090||b.shop.corp.example\"");
      Run missing = meshctl("", "proxy-config", "cluster", "nobody.none", "--xds-address", debug);
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.err()).contains("not connected");
    }
  }

  @Test
  @DisplayName("a Telemetry file added to the directory pushes listeners with istio.stats to the connected sidecar")
  void telemetryFilePushes() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), serviceEntry("a", "a.shop.corp.example", 8080, "10.0.0.1"));
    ServeSettings settings = new ServeSettings(dir, Optional.empty(), "127.0.0.1", 0, 0, Optional.empty(),
        Optional.empty(), false, Duration.ofHours(1), Duration.ZERO);
    ConfigSource source = ConfigSource.of(Istiod.generator(XdsOptions.defaults().withDomainSuffix("corp.example")));
    try (ServeRuntime rt = ServeRuntime.start(settings, source, new PrintWriter(new StringWriter(), true));
        SotwStream stream = new SotwStream(rt.xdsPort())) {
      stream.subscribe(Node.newBuilder().setId(NODE).build(), TypeUrls.LISTENER);
      DiscoveryResponse first = stream.next();
      assertThat(first.getResourcesList()).noneMatch(a -> a.getValue().toStringUtf8().contains("istio.stats"));
      stream.ack(first);

      Files.writeString(dir.resolve("telemetry.yaml"), """
          apiVersion: telemetry.istio.io/v1
          kind: Telemetry
          metadata: {name: mesh-default, namespace: istio-system}
          spec:
            metrics: [{providers: [{name: prometheus}]}]
          """);
      assertThat(rt.reload()).isTrue();
      DiscoveryResponse second = stream.next();
      assertThat(second.getResourcesList()).anyMatch(a -> a.getValue().toStringUtf8().contains("istio.stats"));
    }
  }

  /** proxy-status until CDS shows SYNCED (the ACK travels asynchronously), at most 60 tries. */
  private static Run waitForSynced(String debug) throws InterruptedException {
    Run r = null;
    for (int i = 0; i < 60; i++) {
      r = meshctl("", "proxy-status", "--xds-address", debug);
      assertThat(r.code()).as(r.err()).isZero();
      if (r.out().lines().anyMatch(l -> l.startsWith("shop-v1-abc.shop") && l.contains(" SYNCED "))) {
        return r;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("CDS never SYNCED: " + r.out());
  }

  @Test
  @DisplayName("serve on a directory that does not exist exits 1 with one error line")
  void missingDirectory() {
    Run r = meshctl("", "serve", "--config", dir.resolve("nope").toString(), "--xds-port", "0", "--debug-port", "0",
        "--no-webhook");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("nope").contains("not a directory");
  }

  @Test
  @DisplayName("proxy-status against nothing listening exits 1 and names the address")
  void unreachable() {
    Run r = meshctl("", "proxy-status", "--xds-address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("127.0.0.1:1");
  }
}
