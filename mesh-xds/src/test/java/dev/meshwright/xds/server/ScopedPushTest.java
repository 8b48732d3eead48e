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

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scoped pushes, istiod's rule: only proxies whose Sidecar scope depends on a changed config are regenerated.
 * Three proxies: a sidecar in {@code shop} and one in {@code billing}, each with a Sidecar importing only its own
 * namespace, and a gateway in {@code istio-system}. Generations are counted by a counting source.
 */
class ScopedPushTest {
  static final String SHOP = "shop-v1-abc.shop";
  static final String BILLING = "pay-v1-xyz.billing";
  static final String GATEWAY = "gw-abc.istio-system";
  static final String SIDECARS = sidecar("shop") + "\n---\n" + sidecar("billing");

  private final CountingSource source = new CountingSource();
  private final List<String> base = List.of(A_SE, B_SE, C_SE, SIDECARS);
  private AdsServer server;
  private final Map<String, AdsClient> clients = new TreeMap<>();

  static String sidecar(String namespace) {
    return "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: " + namespace
        + "\nspec:\n  egress:\n  - hosts: [\"./*\"]\n";
  }

  static String virtualService(String namespace, String host) {
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n  namespace: " + namespace
        + "\nspec:\n  hosts: [" + host + "]\n  http:\n  - timeout: 3s\n    route:\n    - destination:\n        host: "
        + host + "\n";
  }

  static final String PEER_AUTHN_ROOT = "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n"
      + "  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n";
  static final String GATEWAY_CONFIG = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n"
      + "  namespace: istio-system\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n"
      + "      number: 80\n      name: http\n      protocol: HTTP\n    hosts: [\"*\"]\n";

  @BeforeEach
  void start() throws IOException {
    server = AdsServer.builder(source, snapshot(base.toArray(String[]::new))).options(AdsOptions.loopback())
        .start();
    connect(SHOP, "sidecar~10.1.2.3~" + SHOP + "~shop.svc.corp.example");
    connect(BILLING, "sidecar~10.1.2.4~" + BILLING + "~billing.svc.corp.example");
    connect(GATEWAY, "router~10.1.2.5~" + GATEWAY + "~istio-system.svc.corp.example");
  }

  /** Subscribes to CDS and then to EDS for every cluster, ACKing both. */
  private void connect(String proxy, String nodeId) {
    AdsClient c = AdsClient.sotw(server.port(), nodeId);
    clients.put(proxy, c);
    c.request(TypeUrls.CLUSTER, List.of(), "", "");
    DiscoveryResponse cds = c.next();
    c.ack(cds, List.of());
    List<String> names = Names.of(cds);
    c.request(TypeUrls.ENDPOINT, names, "", "");
    c.ack(c.next(), names);
  }

  @AfterEach
  void stop() {
    clients.values().forEach(AdsClient::close);
    server.close();
  }

  private Map<String, Integer> full() {
    Map<String, Integer> out = new TreeMap<>();
    clients.keySet().forEach(p -> out.put(p, source.full(p)));
    return out;
  }

  /** Publishes and waits until each of the three streams has decided on the change; the full generations since. */
  private Map<String, Integer> publish(String... documents) {
    return publish(MeshConfigs.defaults(), documents);
  }

  private Map<String, Integer> publish(MeshConfig mesh, String... documents) {
    XdsMetrics m = server.metrics();
    Map<String, Integer> before = full();
    long decided = m.pushesSkipped() + m.edsOnlyPushes() + m.fullGenerations();
    server.publish(snapshot(mesh, documents));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (m.pushesSkipped() + m.edsOnlyPushes() + m.fullGenerations() < decided + clients.size()) {
      assertThat(System.nanoTime()).as("every stream decides within 30 s").isLessThan(deadline);
      sleep();
    }
    Map<String, Integer> out = new TreeMap<>();
    full().forEach((p, n) -> out.put(p, n - before.get(p)));
    return out;
  }

  private static void sleep() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private String[] with(String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  @DisplayName("a VirtualService in shop regenerates the proxy whose Sidecar imports shop, not the one scoped to billing")
  void virtualServiceInOneNamespace() {
    Map<String, Integer> generated = publish(with(virtualService("shop", A)));
    assertThat(generated).containsEntry(SHOP, 1).containsEntry(BILLING, 0)
        .as("gateways depend on every VirtualService, as in istiod").containsEntry(GATEWAY, 1);
    assertThat(server.metrics().pushesSkipped()).isEqualTo(1);
    assertThat(server.metrics().prometheusText()).contains("meshwright_xds_pushes_skipped 1");
  }

  @Test
  @DisplayName("a root-namespace PeerAuthentication and a new mesh config regenerate every proxy")
  void rootNamespaceAndMeshConfig() {
    assertThat(publish(with(PEER_AUTHN_ROOT))).containsEntry(SHOP, 1).containsEntry(BILLING, 1)
        .containsEntry(GATEWAY, 1);
    MeshConfig mesh = MeshConfigs.merge(MeshConfigs.defaults(),
        MeshConfig.builder().connectTimeout(Duration.ofSeconds(3)).build());
    assertThat(publish(mesh, with(PEER_AUTHN_ROOT))).containsEntry(SHOP, 1).containsEntry(BILLING, 1)
        .containsEntry(GATEWAY, 1);
  }

  @Test
  @DisplayName("a Gateway change regenerates the gateway and no sidecar")
  void gatewayOnlyRouters() {
    assertThat(publish(with(GATEWAY_CONFIG))).containsEntry(SHOP, 0).containsEntry(BILLING, 0)
        .containsEntry(GATEWAY, 1);
  }

  @Test
  @DisplayName("a Sidecar that starts importing billing regenerates the shop proxy; one that stops, too")
  void sidecarScopeBeforeAndAfter() {
    String wide = sidecar("shop").replace("[\"./*\"]", "[\"./*\", \"billing/*\"]");
    List<String> docs = new ArrayList<>(List.of(A_SE, B_SE, C_SE, wide, sidecar("billing")));
    assertThat(publish(docs.toArray(String[]::new))).containsEntry(SHOP, 1).containsEntry(BILLING, 0);
    DiscoveryResponse cds = clients.get(SHOP).next();
    assertThat(Names.of(cds)).contains(cluster(9090, C));
    clients.get(SHOP).ack(cds, List.of());
    assertThat(publish(with(virtualService("billing", C)))).as("billing VirtualService: the shop scope no longer "
        + "imports billing, but did, and the billing proxy imports it").containsEntry(SHOP, 1).containsEntry(BILLING, 1);
  }

  @Test
  @DisplayName("an endpoint-only change sends EDS of that cluster only, and only to the proxies that import it")
  void endpointsOnly() {
    String moreA = serviceEntry("a", "shop", A, 7070, "10.0.0.1", "10.0.0.8");
    Map<String, Integer> generated = publish(moreA, B_SE, C_SE, SIDECARS);
    assertThat(generated).as("no full generation anywhere").containsEntry(SHOP, 0).containsEntry(BILLING, 0)
        .containsEntry(GATEWAY, 0);
    assertThat(source.endpoints(SHOP)).isEqualTo(1);
    assertThat(source.endpoints(BILLING)).isZero();
    assertThat(source.endpoints(GATEWAY)).as("the gateway's default scope imports shop").isEqualTo(1);
    DiscoveryResponse eds = clients.get(SHOP).next();
    assertThat(eds.getTypeUrl()).isEqualTo(TypeUrls.ENDPOINT);
    assertThat(Names.of(eds)).containsExactly(cluster(7070, A));
    assertThat(server.metrics().edsOnlyPushes()).isEqualTo(2);
    assertThat(server.metrics().pushesSkipped()).isEqualTo(1);
    // the next full push still knows B's endpoints are held: a B change sends B alone
    clients.get(SHOP).ack(eds, List.of(cluster(7070, A), cluster(7071, B)));
    publish(moreA, serviceEntry("b", "shop", B, 7071, "10.0.0.2", "10.0.0.9"), C_SE, SIDECARS);
    assertThat(Names.of(clients.get(SHOP).next())).containsExactly(cluster(7071, B));
  }

  @Test
  @DisplayName("an endpoint with the proxy's own IP changes its inbound side: a full generation for that proxy")
  void ownEndpoint() {
    String withShopPod = serviceEntry("a", "shop", A, 7070, "10.0.0.1", "10.1.2.3");
    assertThat(publish(withShopPod, B_SE, C_SE, SIDECARS)).containsEntry(SHOP, 1).containsEntry(BILLING, 0)
        .containsEntry(GATEWAY, 0);
  }
}
