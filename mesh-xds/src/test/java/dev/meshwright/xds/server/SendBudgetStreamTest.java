package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send budget over real gRPC streams: a proxy that does not read keeps its push's bytes queued, and with a
 * budget that small the next proxy's push waits until those bytes drain or the stuck stream ends.
 */
class SendBudgetStreamTest {
  private static final String STUCK = "sidecar~10.9.0.1~stuck-1.shop~shop.svc.corp.example";
  private AdsServer server;
  private ManagedChannel stuckChannel;
  private ClientCallStreamObserver<DeltaDiscoveryRequest> stuck;
  private final AtomicInteger stuckReceived = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      docs.add(TestMesh.serviceEntry("svc-" + i, "shop", "svc-" + i + ".shop.svc.corp.example", 8080, "10.2.0.1"));
    }
    server = AdsServer.builder(TestMesh.source(), TestMesh.snapshot(docs.toArray(String[]::new)))
        .options(AdsOptions.loopback().withSendBudget(1)).start();
    // a 16 KB window and no reads: the server's CDS answer (about 400 clusters) cannot leave its buffers
    stuckChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
        .flowControlWindow(16 * 1024).build();
    AggregatedDiscoveryServiceGrpc.newStub(stuckChannel).deltaAggregatedResources(new ClientResponseObserver<
        DeltaDiscoveryRequest, DeltaDiscoveryResponse>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<DeltaDiscoveryRequest> requests) {
        stuck = requests;
        requests.disableAutoRequestWithInitial(0);
      }

      @Override
      public void onNext(DeltaDiscoveryResponse value) {
        stuckReceived.incrementAndGet();
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    stuck.onNext(DeltaDiscoveryRequest.newBuilder().setNode(AdsClient.node(STUCK)).setTypeUrl(TypeUrls.CLUSTER)
        .build());
    awaitSent(STUCK);
  }

  @AfterEach
  void stop() throws InterruptedException {
    stuckChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void aPushWaitsWhileAStuckProxyHoldsTheBudgetAndGoesWhenThatStreamEnds() throws Exception {
    try (AdsClient next = AdsClient.delta(server.port())) {
      next.delta(TypeUrls.CLUSTER, List.of(), List.of(), "");
      assertThat(next.poll(500)).as("nothing while the stuck proxy's bytes are queued").isNull();
      assertThat(server.metrics().prometheusText()).contains("meshwright_xds_send_budget_waiting 1")
          .doesNotContain("meshwright_xds_send_budget_queued_bytes 0\n");

      stuckChannel.shutdownNow();
      DeltaDiscoveryResponse r = next.nextDelta();
      assertThat(r.getTypeUrl()).isEqualTo(TypeUrls.CLUSTER);
      assertThat(r.getResourcesCount()).isGreaterThanOrEqualTo(400);
    }
  }

  @Test
  void aPushWaitsUntilTheStuckProxyReadsItsConfig() throws Exception {
    try (AdsClient next = AdsClient.delta(server.port())) {
      next.delta(TypeUrls.CLUSTER, List.of(), List.of(), "");
      assertThat(next.poll(500)).as("nothing while the stuck proxy's bytes are queued").isNull();

      stuck.request(1);
      DeltaDiscoveryResponse r = next.nextDelta();
      assertThat(r.getResourcesCount()).isGreaterThanOrEqualTo(400);
      assertThat(stuckReceived.get()).isEqualTo(1);
    }
  }

  private void awaitSent(String nodeId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean sent = server.status().stream().filter(s -> s.nodeId().equals(nodeId))
          .anyMatch(s -> s.type(TypeUrls.CLUSTER).status() != SyncStatus.NOT_SENT);
      if (sent) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the stuck proxy's CDS push was never sent");
  }
}
