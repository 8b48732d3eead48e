package dev.meshwright.xds.server;

import static dev.meshwright.xds.server.TestMesh.cluster;
import static dev.meshwright.xds.server.TestMesh.serviceEntry;
import static dev.meshwright.xds.server.TestMesh.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The state-of-the-world ADS protocol rules, each driven by a scripted raw stream. */
class SotwProtocolTest {
  static final String A = "a.shop.corp.example";
  static final String B = "b.shop.corp.example";
  static final String C = "c.billing.corp.example";
  static final String A_SE = serviceEntry("a", "shop", A, 7070, "10.0.0.1");
  static final String B_SE = serviceEntry("b", "shop", B, 7071, "10.0.0.2");
  static final String C_SE = serviceEntry("c", "billing", C, 9090, "10.0.9.9");

  private AdsServer server;
  private AdsClient client;

  @BeforeEach
  void start() throws IOException {
    server = AdsServer.builder(TestMesh.source(), snapshot(A_SE, B_SE)).options(AdsOptions.loopback()).start();
    client = AdsClient.sotw(server.port());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** A request whose answer proves every earlier request was handled and nothing else was sent before it. */
  private void barrier() {
    client.request(TypeUrls.SECRET, List.of("barrier"), "", "");
    DiscoveryResponse r = client.next();
    assertThat(r.getTypeUrl()).as("nothing was sent before the barrier").isEqualTo(TypeUrls.SECRET);
    client.ack(r, List.of("barrier"));
  }

  private DiscoveryResponse subscribe(String type, List<String> names) {
    client.request(type, names, "", "");
    DiscoveryResponse r = client.next();
    assertThat(r.getTypeUrl()).isEqualTo(type);
    client.ack(r, names);
    return r;
  }

  private void subscribeAll() {
    subscribe(TypeUrls.CLUSTER, List.of());
    subscribe(TypeUrls.ENDPOINT, List.of());
    subscribe(TypeUrls.LISTENER, List.of());
    subscribe(TypeUrls.ROUTE, List.of());
  }

  @Test
  @DisplayName("an empty first CDS request is a wildcard: every cluster, with a version and a nonce")
  void legacyWildcard() {
    client.request(TypeUrls.CLUSTER, List.of(), "", "");
    DiscoveryResponse r = client.next();
    assertThat(Names.of(r)).containsExactly(cluster(7070, A), cluster(7071, B));
    assertThat(r.getVersionInfo()).isNotEmpty();
    assertThat(r.getNonce()).isNotEmpty();
    assertThat(r.getControlPlane().getIdentifier()).isEqualTo("meshwright");
  }

  @Test
  @DisplayName("an explicit * subscribes to everything, and * with a name still means everything")
  void explicitWildcard() {
    client.request(TypeUrls.CLUSTER, List.of("*"), "", "");
    assertThat(Names.of(client.next())).containsExactly(cluster(7070, A), cluster(7071, B));
    client.request(TypeUrls.ENDPOINT, List.of("*", cluster(7070, A)), "", "");
    assertThat(Names.of(client.next())).containsExactly(cluster(7070, A), cluster(7071, B));
  }

  @Test
  @DisplayName("named EDS gets only the names asked for")
  void namedSubscription() {
    client.request(TypeUrls.ENDPOINT, List.of(cluster(7071, B)), "", "");
    assertThat(Names.of(client.next())).containsExactly(cluster(7071, B));
  }

  @Test
  @DisplayName("an ACK makes the type SYNCED and is not answered; types never asked for are NOT SENT")
  void ack() {
    subscribe(TypeUrls.CLUSTER, List.of());
    barrier();
    ProxyStatus st = server.status().get(0);
    assertThat(st.name()).isEqualTo("shop-v1-abc.shop");
    assertThat(st.istioVersion()).isEqualTo("1.22.8");
    assertThat(st.clusterId()).isEqualTo("corp-east");
    assertThat(st.type(TypeUrls.CLUSTER).status()).isEqualTo(SyncStatus.SYNCED);
    assertThat(st.type(TypeUrls.LISTENER).status()).isEqualTo(SyncStatus.NOT_SENT);
  }

  @Test
  @DisplayName("a response not yet ACKed is STALE")
  void stale() {
    client.request(TypeUrls.CLUSTER, List.of(), "", "");
    client.next();
    barrier();
    assertThat(server.status().get(0).type(TypeUrls.CLUSTER).status()).isEqualTo(SyncStatus.STALE);
  }

  @Test
  @DisplayName("a NACK (error_detail) makes the type ERROR with the proxy's message and the config is not resent")
  void nack() {
    client.request(TypeUrls.CLUSTER, List.of(), "", "");
    DiscoveryResponse r = client.next();
    client.nack(r, List.of(), "cluster outbound|7070||a: bad lb policy");
    barrier();
    TypeStatus st = server.status().get(0).type(TypeUrls.CLUSTER);
    assertThat(st.status()).isEqualTo(SyncStatus.ERROR);
    assertThat(st.error()).isEqualTo("cluster outbound|7070||a: bad lb policy");
    assertThat(server.metrics().rejects(TypeUrls.CLUSTER)).isEqualTo(1);
  }

  @Test
  @DisplayName("every response has a fresh nonce")
  void freshNonces() {
    List<String> nonces = new ArrayList<>();
    nonces.add(subscribe(TypeUrls.CLUSTER, List.of()).getNonce());
    nonces.add(subscribe(TypeUrls.ENDPOINT, List.of()).getNonce());
    server.publish(snapshot(A_SE, B_SE, C_SE));
    nonces.add(client.next().getNonce());
    nonces.add(client.next().getNonce());
    assertThat(nonces).doesNotHaveDuplicates().doesNotContain("");
  }

  @Test
  @DisplayName("a request with a stale nonce is ignored, the next ACK's subscription is served")
  void staleNonceIgnored() {
    DiscoveryResponse first = subscribe(TypeUrls.ENDPOINT, List.of(cluster(7070, A)));
    server.publish(snapshot(serviceEntry("a", "shop", A, 7070, "10.0.0.7"), B_SE));
    DiscoveryResponse second = client.next();
    assertThat(Names.of(second)).containsExactly(cluster(7070, A));
    client.request(TypeUrls.ENDPOINT, List.of(cluster(7070, A), cluster(7071, B)), first.getVersionInfo(),
        first.getNonce());
    barrier();
    client.ack(second, List.of(cluster(7070, A), cluster(7071, B)));
    DiscoveryResponse third = client.next();
    assertThat(Names.of(third)).as("only the newly subscribed resource").containsExactly(cluster(7071, B));
  }

  @Test
  @DisplayName("a resource requested before it exists is sent when it appears")
  void requestedBeforeItExists() {
    DiscoveryResponse empty = subscribe(TypeUrls.ROUTE, List.of(cluster(9090, C)));
    assertThat(empty.getResourcesList()).isEmpty();
    server.publish(snapshot(A_SE, B_SE, C_SE));
    DiscoveryResponse r = client.next();
    assertThat(r.getTypeUrl()).isEqualTo(TypeUrls.ROUTE);
    assertThat(Names.of(r)).containsExactly(cluster(9090, C));
  }

  @Test
  @DisplayName("a push goes out in the order CDS, EDS, LDS, RDS")
  void pushOrder() {
    subscribeAll();
    server.publish(snapshot(A_SE, B_SE, C_SE));
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(TypeUrls.shortName(client.next().getTypeUrl()));
    }
    assertThat(order).containsExactly("CDS", "EDS", "LDS", "RDS");
  }

  @Test
  @DisplayName("LDS/CDS are full state, EDS/RDS carry only the changed resources, unchanged types are not sent")
  void onlyChanges() {
    subscribeAll();
    server.publish(snapshot(A_SE, B_SE, C_SE));
    DiscoveryResponse cds = client.next();
    DiscoveryResponse eds = client.next();
    DiscoveryResponse lds = client.next();
    DiscoveryResponse rds = client.next();
    assertThat(Names.of(cds)).containsExactly(cluster(7070, A), cluster(7071, B), cluster(9090, C));
    assertThat(Names.of(eds)).containsExactly(cluster(9090, C));
    assertThat(Names.of(lds)).hasSize(3);
    assertThat(Names.of(rds)).containsExactly(cluster(9090, C));
    for (DiscoveryResponse r : List.of(cds, eds, lds, rds)) {
      client.ack(r, List.of());
    }
    server.publish(snapshot(serviceEntry("a", "shop", A, 7070, "10.0.0.1", "10.0.0.8"), B_SE, C_SE));
    DiscoveryResponse onlyA = client.next();
    assertThat(onlyA.getTypeUrl()).isEqualTo(TypeUrls.ENDPOINT);
    assertThat(Names.of(onlyA)).containsExactly(cluster(7070, A));
    assertThat(server.metrics().edsOnlyPushes()).as("the EDS fast path, nothing else generated").isEqualTo(1);
    barrier();
  }

  @Test
  @DisplayName("removals go last: LDS and CDS first keep the removed resources, the final LDS then CDS drop them")
  void removalsLast() {
    subscribeAll();
    server.publish(snapshot(A_SE, C_SE));
    List<String> seen = new ArrayList<>();
    List<DiscoveryResponse> rs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      DiscoveryResponse r = client.next();
      rs.add(r);
      seen.add(TypeUrls.shortName(r.getTypeUrl()));
    }
    assertThat(seen).containsExactly("CDS", "EDS", "LDS", "RDS", "LDS", "CDS");
    assertThat(Names.of(rs.get(0))).contains(cluster(7071, B), cluster(9090, C));
    assertThat(Names.of(rs.get(5))).containsExactly(cluster(7070, A), cluster(9090, C));
    assertThat(Names.of(rs.get(4))).doesNotContain(B + ":7071").contains(C + ":9090");
  }

  @Test
  @DisplayName("a first request without a valid node ends the stream with INVALID_ARGUMENT")
  void invalidNode() {
    client.send(DiscoveryRequest.newBuilder().setNode(AdsClient.node("not-a-node-id"))
        .setTypeUrl(TypeUrls.CLUSTER).build());
    Object o = client.nextEvent();
    assertThat(o).isInstanceOf(StatusRuntimeException.class);
    assertThat(((StatusRuntimeException) o).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(((StatusRuntimeException) o).getStatus().getDescription()).contains("not-a-node-id");
  }
}
