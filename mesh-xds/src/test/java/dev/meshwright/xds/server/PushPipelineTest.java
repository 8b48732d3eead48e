package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.SotwProtocolTest.B_SE;
import static dev.meshwright.xds.server.SotwProtocolTest.C_SE;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server's push pipeline with istiod's debounce on a fake clock. */
class PushPipelineTest {
  @Test
  @DisplayName("publishes within the quiet period become one push of the last snapshot; publish returns at once")
  void debouncedPush() throws Exception {
    FakeScheduler clock = new FakeScheduler();
    MeshSnapshot withB = snapshot(A_SE, B_SE);
    try (AdsServer server = AdsServer.builder(TestMesh.source(), snapshot(A_SE)).scheduler(clock)
        .options(AdsOptions.loopback().withDebounce(Duration.ofMillis(100), Duration.ofSeconds(10))).start();
        AdsClient client = AdsClient.sotw(server.port())) {
      client.request(TypeUrls.CLUSTER, List.of(), "", "");
      client.ack(client.next(), List.of());
      server.publish(withB);
      clock.advance(Duration.ofMillis(50));
      server.publish(snapshot(A_SE, B_SE, C_SE));
      clock.advance(Duration.ofMillis(99));
      assertThat(server.current()).as("nothing delivered inside the quiet period").isNotSameAs(withB);
      clock.advance(Duration.ofMillis(1));
      DiscoveryResponse r = client.next();
      assertThat(r.getResourcesCount()).as("one push with the last snapshot's three clusters").isEqualTo(3);
      assertThat(server.metrics().prometheusText()).contains("pilot_push_triggers 1");
    }
  }

  @Test
  @DisplayName("publishFull regenerates every proxy although the snapshots are equal; publish of an equal one does not")
  void fullPush() throws Exception {
    java.util.concurrent.atomic.AtomicLong timeout = new java.util.concurrent.atomic.AtomicLong(1);
    ConfigSource outside = (snap, proxy, subs) -> dev.meshwright.xds.XdsResources.builder()
        .add(dev.meshwright.xds.XdsResource.of("c", io.envoyproxy.envoy.config.cluster.v3.Cluster.newBuilder()
            .setName("c").setConnectTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(timeout.get()))
            .build())).build();
    FakeScheduler clock = new FakeScheduler();
    try (AdsServer server = AdsServer.builder(outside, snapshot(A_SE)).scheduler(clock)
        .options(AdsOptions.loopback().withDebounce(Duration.ofMillis(100), Duration.ofSeconds(10))).start();
        AdsClient client = AdsClient.sotw(server.port())) {
      client.request(TypeUrls.CLUSTER, List.of(), "", "");
      client.ack(client.next(), List.of());
      timeout.set(7); // an input of generation outside the snapshot changed

      server.publish(snapshot(A_SE));
      clock.advance(Duration.ofMillis(100));
      assertThat(client.poll(300)).as("an equal snapshot changes nothing").isNull();

      server.publishFull(snapshot(A_SE));
      clock.advance(Duration.ofMillis(100));
      DiscoveryResponse r = client.next();
      assertThat(r.getResources(0).unpack(io.envoyproxy.envoy.config.cluster.v3.Cluster.class)
          .getConnectTimeout().getSeconds()).isEqualTo(7);
    }
  }
}
