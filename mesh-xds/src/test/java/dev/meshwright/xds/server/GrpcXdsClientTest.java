package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.TestMesh.serviceEntry;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.xds.XdsNameResolverProvider;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * grpc-java's real proxyless xDS client (grpc-xds), bootstrapped per channel by {@link ProxylessBootstrap}, against
 * the server over loopback: LDS api_listener → RDS → CDS (EDS) → EDS, produced by the test generators, routing a
 * call to a real in-process gRPC backend.
 */
class GrpcXdsClientTest {
  @Test
  @DisplayName("an xds:/// channel resolves through the server's LDS, RDS, CDS and EDS and reaches the backend")
  void proxylessClientReachesBackend() throws Exception {
    HealthStatusManager health = new HealthStatusManager();
    Server backend = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
        .addService(health.getHealthService()).build().start();
    String host = "hello.shop.corp.example";
    int port = backend.getPort();
    try (AdsServer ads = AdsServer.builder(TestMesh.source(),
        snapshot(serviceEntry("hello", "shop", host, port, "127.0.0.1"))).options(AdsOptions.loopback()).start()) {
      ProxylessBootstrap bootstrap = ProxylessBootstrap.of("127.0.0.1:" + ads.port(), "client-1", "shop");
      NameResolverRegistry.getDefaultRegistry().register(
          XdsNameResolverProvider.createForTest("xds-client-test", bootstrap.toMap()));
      ManagedChannel ch = Grpc.newChannelBuilder("xds-client-test:///" + host + ":" + port,
          InsecureChannelCredentials.create()).build();
      try {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(ch).withDeadlineAfter(60, TimeUnit.SECONDS)
            .withWaitForReady().check(HealthCheckRequest.getDefaultInstance());
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        ProxyStatus st = ads.status().get(0);
        assertThat(st.name()).isEqualTo("client-1.shop");
        assertThat(st.types()).containsKeys(dev.meshwright.xds.TypeUrls.LISTENER, dev.meshwright.xds.TypeUrls.ROUTE,
            dev.meshwright.xds.TypeUrls.CLUSTER, dev.meshwright.xds.TypeUrls.ENDPOINT);
      } finally {
        ch.shutdownNow();
      }
    } finally {
      backend.shutdownNow();
    }
  }
}
