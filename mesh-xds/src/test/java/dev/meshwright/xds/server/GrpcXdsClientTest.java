package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.TestMesh.serviceEntry;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * grpc-java's real proxyless xDS client (grpc-xds) against the server over loopback: LDS api_listener → RDS →
 * CDS (EDS) → EDS, produced by the test generators, routing a call to a real in-process gRPC backend.
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
      System.setProperty("io.grpc.xds.bootstrapConfig", """
          {"xds_servers": [{"server_uri": "127.0.0.1:%d", "channel_creds": [{"type": "insecure"}],
                            "server_features": ["xds_v3"]}],
           "node": {"id": "sidecar~127.0.0.1~client-1.shop~shop.svc.corp.example",
                    "metadata": {"GENERATOR": "grpc", "ISTIO_VERSION": "1.22.8"}}}
          """.formatted(ads.port()));
      ManagedChannel ch = Grpc.newChannelBuilder("xds:///" + host + ":" + port, InsecureChannelCredentials.create())
          .build();
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
        System.clearProperty("io.grpc.xds.bootstrapConfig");
      }
    } finally {
      backend.shutdownNow();
    }
  }
}
