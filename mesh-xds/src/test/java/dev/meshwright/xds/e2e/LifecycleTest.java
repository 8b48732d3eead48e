package dev.meshwright.xds.e2e;

import static dev.meshwright.xds.e2e.EchoMesh.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.server.ProxyStatus;
import dev.meshwright.xds.server.SyncStatus;
import dev.meshwright.xds.server.TypeStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Config changing under running clients: a live update on the open ADS stream, an update grpc-java rejects, and a
 * control plane restart.
 */
class LifecycleTest {
  private static final String ALL_V1 = EchoMesh.virtualService("- route: [" + to("v1") + "]");
  private static final String ALL_V2 = EchoMesh.virtualService("- route: [" + to("v2") + "]");

  /** Calls until one lands on {@code backend}: the client has applied the config that routes there. */
  private static void awaitTraffic(ProxylessClient client, String backend) {
    Poll.until("a call reaching " + backend, () -> client.call().outcome(), backend::equals);
  }

  @Test
  @DisplayName("a new split is applied on the same ADS stream (same connection ID) and traffic follows it")
  void liveChangeWithoutReconnecting() throws Exception {
    try (Backend v1 = Backend.start("v1"); Backend v2 = Backend.start("v2");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1, v2), ALL_V1));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "live")) {
      ProxyStatus before = cp.awaitSynced(client);
      assertThat(client.send(50)).isEqualTo(Map.of("v1", 50));
      cp.publish(EchoMesh.snapshot(List.of(v1, v2), EchoMesh.virtualService(
          "- route: [" + to("v1", 20) + ", " + to("v2", 80) + "]")));
      awaitTraffic(client, "v2");
      Map<String, Integer> split = client.send(1_000);
      assertThat(split.get("v2")).isBetween(750, 850);
      assertThat(split.get("v1")).isEqualTo(1_000 - split.get("v2"));
      ProxyStatus after = cp.await(client, "the new routes ACKed", p -> ControlPlane.synced(p)
          && !p.type(TypeUrls.ROUTE).version().equals(before.type(TypeUrls.ROUTE).version()));
      assertThat(after.connectionId()).as("one stream throughout").isEqualTo(before.connectionId());
    }
  }

  @Test
  @DisplayName("clusters grpc-java rejects are NACKed and shown as ERROR with its message; the last good config "
      + "keeps serving, and the next good update clears the error")
  void nackedUpdateKeepsServing() throws Exception {
    try (Backend v1 = Backend.start("v1"); Backend v2 = Backend.start("v2");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1, v2), ALL_V1));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "nack")) {
      cp.awaitSynced(client);
      // ISTIO_MUTUAL asks for certificate provider "default", which this client's bootstrap does not define
      cp.publish(EchoMesh.snapshotWithPolicy(List.of(v1, v2), "{tls: {mode: ISTIO_MUTUAL}}", ALL_V1));
      ProxyStatus nacked = cp.await(client, "CDS NACKed",
          p -> p.type(TypeUrls.CLUSTER).status() == SyncStatus.ERROR);
      TypeStatus cds = nacked.type(TypeUrls.CLUSTER);
      assertThat(cds.status().label()).isEqualTo("ERROR");
      assertThat(cds.error()).contains("outbound|7070|v1|" + EchoMesh.HOST)
          .contains("CertificateProvider instance name 'default' not defined");
      assertThat(nacked.type(TypeUrls.LISTENER).status()).isEqualTo(SyncStatus.SYNCED);
      assertThat(client.send(50)).as("the last good clusters keep serving").isEqualTo(Map.of("v1", 50));

      cp.publish(EchoMesh.snapshot(List.of(v1, v2), ALL_V2));
      ProxyStatus fixed = cp.await(client, "CDS ACKed again", ControlPlane::synced);
      assertThat(fixed.type(TypeUrls.CLUSTER).error()).isEmpty();
      awaitTraffic(client, "v2");
      assertThat(client.send(50)).isEqualTo(Map.of("v2", 50));
    }
  }

  @Test
  @DisplayName("after the control plane restarts on the same port, clients resync to the new server and its config")
  void serverRestart() throws Exception {
    try (Backend v1 = Backend.start("v1"); Backend v2 = Backend.start("v2");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1, v2), ALL_V1));
        ProxylessClient a = ProxylessClient.connect(cp.port(), "restart-a");
        ProxylessClient b = ProxylessClient.connect(cp.port(), "restart-b")) {
      cp.awaitSynced(a);
      cp.awaitSynced(b);
      assertThat(a.send(20)).isEqualTo(Map.of("v1", 20));
      assertThat(b.send(20)).isEqualTo(Map.of("v1", 20));

      cp.restart(EchoMesh.snapshot(List.of(v1, v2), ALL_V2));
      for (ProxylessClient c : List.of(a, b)) {
        cp.awaitSynced(c);
        awaitTraffic(c, "v2");
        assertThat(c.send(20)).isEqualTo(Map.of("v2", 20));
      }
    }
  }
}
