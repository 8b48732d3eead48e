package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.SotwProtocolTest.A;
import static dev.meshwright.xds.server.SotwProtocolTest.A_SE;
import static dev.meshwright.xds.server.SotwProtocolTest.B;
import static dev.meshwright.xds.server.SotwProtocolTest.B_SE;
import static dev.meshwright.xds.server.SotwProtocolTest.C;
import static dev.meshwright.xds.server.SotwProtocolTest.C_SE;
import static dev.meshwright.xds.server.TestMesh.cluster;
import static dev.meshwright.xds.server.TestMesh.serviceEntry;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The incremental (Delta) ADS protocol rules, each driven by a scripted raw stream. */
class DeltaProtocolTest {
  private AdsServer server;
  private AdsClient client;

  @BeforeEach
  void start() throws IOException {
    server = AdsServer.builder(TestMesh.source(), snapshot(A_SE, B_SE)).options(AdsOptions.loopback()).start();
    client = AdsClient.delta(server.port());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** A first request of a type nobody serves: its (empty) answer proves earlier requests were handled and nothing came before it. */
  private void barrier(String name) {
    String type = "type.googleapis.com/test.Barrier." + name.replace('-', '_');
    client.delta(type, List.of(name), List.of(), "");
    DeltaDiscoveryResponse r = client.nextDelta();
    assertThat(r.getTypeUrl()).as("nothing was sent before the barrier").isEqualTo(type);
    client.deltaAck(r);
  }

  private DeltaDiscoveryResponse subscribe(String type, List<String> names) {
    client.delta(type, names, List.of(), "");
    DeltaDiscoveryResponse r = client.nextDelta();
    assertThat(r.getTypeUrl()).isEqualTo(type);
    client.deltaAck(r);
    return r;
  }

  private void subscribeAll() {
    subscribe(TypeUrls.CLUSTER, List.of());
    subscribe(TypeUrls.ENDPOINT, List.of());
    subscribe(TypeUrls.LISTENER, List.of());
    subscribe(TypeUrls.ROUTE, List.of());
  }

  @Test
  @DisplayName("a first request with no names is a wildcard; each resource carries its name and content version")
  void wildcard() {
    DeltaDiscoveryResponse r = subscribe(TypeUrls.CLUSTER, List.of());
    assertThat(Names.of(r)).containsExactly(cluster(7070, A), cluster(7071, B));
    assertThat(r.getResources(0).getVersion()).hasSize(16);
    assertThat(r.getNonce()).isNotEmpty();
  }

  @Test
  @DisplayName("explicit * subscribes to everything; unsubscribing * leaves only the named resources")
  void explicitWildcard() {
    DeltaDiscoveryResponse r = subscribe(TypeUrls.ENDPOINT, List.of("*", cluster(7070, A)));
    assertThat(Names.of(r)).containsExactly(cluster(7070, A), cluster(7071, B));
    client.delta(TypeUrls.ENDPOINT, List.of(), List.of("*"), r.getNonce());
    barrier("unsubscribed");
    server.publish(snapshot(A_SE, serviceEntry("b", "shop", B, 7071, "10.0.0.3")));
    barrier("after-unsubscribe");
    assertThat(server.status().get(0).type(TypeUrls.ENDPOINT).resources()).isEqualTo(1);
  }

  @Test
  @DisplayName("ACK makes SYNCED, NACK makes ERROR with the message; neither is answered")
  void ackAndNack() {
    DeltaDiscoveryResponse cds = subscribe(TypeUrls.CLUSTER, List.of());
    client.delta(TypeUrls.LISTENER, List.of(), List.of(), "");
    DeltaDiscoveryResponse lds = client.nextDelta();
    client.deltaNack(lds, "listener a.shop.corp.example:7070: unknown filter");
    barrier("x");
    ProxyStatus st = server.status().get(0);
    assertThat(st.protocol()).isEqualTo("Delta");
    assertThat(st.type(TypeUrls.CLUSTER).status()).isEqualTo(SyncStatus.SYNCED);
    assertThat(st.type(TypeUrls.CLUSTER).sentNonce()).isEqualTo(cds.getNonce());
    assertThat(st.type(TypeUrls.LISTENER).status()).isEqualTo(SyncStatus.ERROR);
    assertThat(st.type(TypeUrls.LISTENER).error()).isEqualTo("listener a.shop.corp.example:7070: unknown filter");
    assertThat(st.type(TypeUrls.ROUTE).status()).isEqualTo(SyncStatus.NOT_SENT);
  }

  @Test
  @DisplayName("a stale nonce is no ACK, but the subscription it carries is applied")
  void staleNonce() {
    DeltaDiscoveryResponse first = subscribe(TypeUrls.ENDPOINT, List.of(cluster(7070, A)));
    server.publish(snapshot(serviceEntry("a", "shop", A, 7070, "10.0.0.7"), B_SE));
    DeltaDiscoveryResponse second = client.nextDelta();
    client.delta(TypeUrls.ENDPOINT, List.of(cluster(7071, B)), List.of(), first.getNonce());
    DeltaDiscoveryResponse third = client.nextDelta();
    assertThat(Names.of(third)).containsExactly(cluster(7071, B));
    assertThat(server.status().get(0).type(TypeUrls.ENDPOINT).ackedNonce()).isNotEqualTo(second.getNonce());
  }

  @Test
  @DisplayName("a named resource that does not exist yet is sent when it appears")
  void requestedBeforeItExists() {
    DeltaDiscoveryResponse empty = subscribe(TypeUrls.ROUTE, List.of(cluster(9090, C)));
    assertThat(empty.getResourcesList()).isEmpty();
    server.publish(snapshot(A_SE, B_SE, C_SE));
    DeltaDiscoveryResponse r = client.nextDelta();
    assertThat(Names.of(r)).containsExactly(cluster(9090, C));
  }

  @Test
  @DisplayName("only changed resources are sent: an endpoint change sends one ClusterLoadAssignment and nothing else")
  void onlyChanges() {
    subscribeAll();
    server.publish(snapshot(serviceEntry("a", "shop", A, 7070, "10.0.0.1", "10.0.0.8"), B_SE));
    DeltaDiscoveryResponse r = client.nextDelta();
    assertThat(r.getTypeUrl()).isEqualTo(TypeUrls.ENDPOINT);
    assertThat(Names.of(r)).containsExactly(cluster(7070, A));
    assertThat(r.getRemovedResourcesList()).as("held EDS outside the partial push stays held").isEmpty();
    assertThat(server.metrics().edsOnlyPushes()).as("the EDS fast path, nothing else generated").isEqualTo(1);
    client.deltaAck(r);
    server.publish(snapshot(serviceEntry("a", "shop", A, 7070, "10.0.0.1", "10.0.0.8"), B_SE));
    barrier("nothing-changed");
  }

  @Test
  @DisplayName("a removed service goes out as removed_resources, after the updates, LDS before RDS before CDS before EDS")
  void removals() {
    subscribeAll();
    server.publish(snapshot(A_SE, C_SE));
    List<String> order = new ArrayList<>();
    Map<String, List<String>> removed = new TreeMap<>();
    for (int i = 0; i < 8; i++) {
      DeltaDiscoveryResponse r = client.nextDelta();
      String kind = TypeUrls.shortName(r.getTypeUrl()) + (r.getRemovedResourcesCount() > 0 ? "-" : "+");
      order.add(kind);
      if (r.getRemovedResourcesCount() > 0) {
        removed.put(kind, r.getRemovedResourcesList());
        assertThat(r.getResourcesList()).isEmpty();
      } else {
        assertThat(Names.of(r)).allMatch(n -> n.contains(C));
      }
    }
    assertThat(order).containsExactly("CDS+", "EDS+", "LDS+", "RDS+", "LDS-", "RDS-", "CDS-", "EDS-");
    assertThat(removed.get("CDS-")).containsExactly(cluster(7071, B));
    assertThat(removed.get("LDS-")).containsExactly(B + ":7071");
  }

  @Test
  @DisplayName("a reconnect with initial_resource_versions resends nothing unchanged, only what differs")
  void reconnect() {
    DeltaDiscoveryResponse first = subscribe(TypeUrls.CLUSTER, List.of());
    Map<String, String> held = new TreeMap<>();
    first.getResourcesList().forEach(r -> held.put(r.getName(), r.getVersion()));
    client.close();
    client = AdsClient.delta(server.port());
    client.deltaInitial(TypeUrls.CLUSTER, List.of(), held);
    barrier("after-reconnect");
    assertThat(server.status()).hasSize(1);
    assertThat(server.status().get(0).type(TypeUrls.CLUSTER).status()).isEqualTo(SyncStatus.SYNCED);

    Map<String, String> outdated = new TreeMap<>(held);
    outdated.put(cluster(7071, B), "0000000000000000");
    outdated.put("outbound|1||gone.shop.corp.example", "0000000000000000");
    client.close();
    client = AdsClient.delta(server.port());
    client.deltaInitial(TypeUrls.CLUSTER, List.of(), outdated);
    DeltaDiscoveryResponse update = client.nextDelta();
    assertThat(update.getResourcesList()).extracting(Resource::getName).containsExactly(cluster(7071, B));
    DeltaDiscoveryResponse removal = client.nextDelta();
    assertThat(removal.getRemovedResourcesList()).containsExactly("outbound|1||gone.shop.corp.example");
  }
}
