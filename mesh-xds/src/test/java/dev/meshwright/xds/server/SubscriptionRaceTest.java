package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A;
import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.SotwProtocolTest.B;
import static dev.meshwright.xds.server.SotwProtocolTest.B_SE;
import static dev.meshwright.xds.server.TestMesh.cluster;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A subscription that changes while the server generates for the previous one, as grpc-xds does when a route names
 * two clusters: it asks CDS for the first, then for both, before any answer arrives.
 */
class SubscriptionRaceTest {
  @Test
  @DisplayName("CDS names changed during a generation: the answer carries the new names, none is lost")
  void namesChangedDuringGeneration() throws Exception {
    CountDownLatch generating = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean firstCall = new AtomicBoolean(true);
    ConfigSource inner = TestMesh.source();
    ConfigSource gated = (snapshot, proxy, subscriptions) -> {
      if (firstCall.compareAndSet(true, false)) {
        generating.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return inner.generate(snapshot, proxy, subscriptions);
    };
    try (AdsServer server = AdsServer.builder(gated, snapshot(A_SE, B_SE)).options(AdsOptions.loopback()).start();
        AdsClient client = AdsClient.sotw(server.port())) {
      client.request(TypeUrls.CLUSTER, List.of(cluster(7070, A)), "", "");
      assertThat(generating.await(30, TimeUnit.SECONDS)).as("the first generation started").isTrue();
      client.request(TypeUrls.CLUSTER, List.of(cluster(7070, A), cluster(7071, B)), "", "");
      // handled after the request above (one stream is read in order): once it is counted, both were seen
      client.request(TypeUrls.CLUSTER, List.of(cluster(7070, A), cluster(7071, B)), "", "expired");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.metrics().prometheusText().contains("pilot_xds_expired_nonce{type=\"cds\"} 1")
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      release.countDown();

      DiscoveryResponse r = client.next();
      assertThat(Names.of(r)).containsExactly(cluster(7070, A), cluster(7071, B));
    }
  }
}
