package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.SnapshotMemo;
import dev.meshwright.xds.XdsCache;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Listeners shared through the snapshot's cache ({@link OutboundListenerKey}, the inbound key): pods of one
 * deployment get the same listener objects, with exactly the bytes generation without the cache gives; a proxy that
 * differs in anything the listeners read gets entries of its own.
 */
class ListenerCacheTest {
  private static final String SUFFIX = "corp.example";
  private static final XdsOptions OPTIONS = XdsOptions.defaults().withDomainSuffix(SUFFIX);
  /** Inbound policy filters that depend on the proxy's labels, as authorization's do. */
  private static final ListenerGenerator GEN = ListenerGenerator.withInboundFilters(new InboundFilters() {
    @Override
    public List<HttpFilter> http(ProxyContext ctx) {
      return ctx.labels().containsKey("role") ? List.of(HttpFilter.newBuilder().setName("test.admin-only").build())
          : List.of();
    }
  });

  private static final String MESH = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: reviews, namespace: shop}
      spec:
        hosts: [reviews.shop.svc.corp.example]
        addresses: [10.30.0.1]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 9080, name: http, protocol: HTTP}]
        endpoints: [{address: 10.1.0.1, labels: {app: reviews}}, {address: 10.1.0.3, labels: {app: reviews}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: db, namespace: shop}
      spec:
        hosts: [db.shop.svc.corp.example]
        addresses: [10.30.0.2]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 5432, name: tcp, protocol: TCP}]
        endpoints: [{address: 10.1.0.2, labels: {app: db}}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: peers, namespace: shop}
      spec:
        clusterIP: None
        selector: {app: peer}
        ports: [{name: tcp-peer, port: 7000}]
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: {name: peers, namespace: shop}
      subsets:
      - addresses: [{ip: 10.2.0.9}, {ip: 10.2.0.10}]
        ports: [{name: tcp-peer, port: 7000}]
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: strict-canary, namespace: shop}
      spec:
        selector: {matchLabels: {track: canary}}
        mtls: {mode: STRICT}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: db-canary, namespace: shop}
      spec:
        hosts: [db.shop.svc.corp.example]
        tcp:
        - match: [{sourceLabels: {track: canary}}]
          route: [{destination: {host: reviews.shop.svc.corp.example, port: {number: 9080}}}]
      """;

  private static Proxy proxy(String ip, String pod, Map<String, String> labels, Map<String, Object> meta) {
    Map<String, Object> m = new HashMap<>(meta);
    m.put("LABELS", labels);
    return Lds.proxy("sidecar~" + ip + "~" + pod + ".shop~shop.svc." + SUFFIX, m);
  }

  private static List<XdsResource> generate(MeshSnapshot s, Proxy p, XdsCache.Caching caching) {
    return GEN.generate(ProxyContext.of(s, p, OPTIONS, caching), Set.of()).resources();
  }

  /** The same listeners, byte for byte, with and without the cache. */
  private static void assertSameBytes(List<XdsResource> shared, List<XdsResource> fresh) {
    assertThat(shared).extracting(XdsResource::name).isEqualTo(fresh.stream().map(XdsResource::name).toList());
    for (int i = 0; i < shared.size(); i++) {
      assertThat(shared.get(i).bytes()).as(shared.get(i).name()).isEqualTo(fresh.get(i).bytes());
      assertThat(shared.get(i).version()).isEqualTo(fresh.get(i).version());
    }
  }

  @Test
  @DisplayName("a second pod of the deployment (other IP and pod name) gets the cached outbound listeners, as generated")
  void hitEqualsMiss() {
    MeshSnapshot s = Lds.snapshot(MESH, Lds.mesh("istio-system"), SUFFIX);
    XdsCache cache = SnapshotMemo.of(s).cache();
    Proxy first = proxy("10.2.0.1", "client-a", Map.of("app", "client"), Map.of());
    Proxy second = proxy("10.2.0.2", "client-b", Map.of("app", "client"), Map.of());
    List<XdsResource> cold = generate(s, first, XdsCache.Caching.SHARED);
    int entries = cache.size();
    long hits = cache.hits();
    List<XdsResource> warm = generate(s, second, XdsCache.Caching.SHARED);
    assertThat(cache.size()).as("no new entry").isEqualTo(entries);
    assertThat(cache.hits()).isGreaterThan(hits);
    assertThat(warm.get(0)).as("the same resource object").isSameAs(cold.get(0));
    assertSameBytes(cold, generate(s, first, XdsCache.Caching.OFF));
    assertSameBytes(warm, generate(s, second, XdsCache.Caching.OFF));
    assertThat(cold).extracting(XdsResource::name).contains("10.30.0.2_5432", "0.0.0.0_9080", "virtualOutbound",
        "10.2.0.9_7000", "10.2.0.10_7000");
  }

  @Test
  @DisplayName("labels, IP family, interception, metadata knobs, namespace and a headless self-address each get an entry")
  void distinctInputsDistinctEntries() {
    MeshSnapshot s = Lds.snapshot(MESH, Lds.mesh("istio-system"), SUFFIX);
    XdsCache cache = SnapshotMemo.of(s).cache();
    Map<String, String> app = Map.of("app", "client");
    generate(s, proxy("10.2.0.1", "client-a", app, Map.of()), XdsCache.Caching.SHARED);
    List<Proxy> variants = List.of(
        proxy("10.2.0.3", "client-c", Map.of("app", "client", "track", "canary"), Map.of()),
        proxy("fd00::3", "client-d", app, Map.of()),
        proxy("10.2.0.4", "client-e", app, Map.of("INTERCEPTION_MODE", "NONE")),
        proxy("10.2.0.5", "client-f", app, Map.of("HTTP_PROXY_PORT", "15080")),
        proxy("10.2.0.6", "client-g", app, Map.of("IDLE_TIMEOUT", "30s")),
        proxy("10.2.0.7", "client-h", app, Map.of("HTTP10", "1")),
        proxy("10.2.0.8", "client-i", app, Map.of("MESH_ID", "other-mesh")),
        proxy("10.2.0.9", "peer-0", Map.of("app", "client"), Map.of()),
        Lds.proxy("sidecar~10.2.0.11~client-j.other~other.svc." + SUFFIX, Map.of("LABELS", app)));
    for (Proxy p : variants) {
      int before = cache.size();
      List<XdsResource> shared = generate(s, p, XdsCache.Caching.SHARED);
      assertThat(cache.size()).as("new entries for %s %s", p.nodeId(), p.metadata()).isGreaterThan(before);
      assertSameBytes(shared, generate(s, p, XdsCache.Caching.OFF));
    }
    List<XdsResource> self = generate(s, variants.get(7), XdsCache.Caching.SHARED);
    assertThat(self).extracting(XdsResource::name).doesNotContain("10.2.0.9_7000").contains("10.2.0.10_7000");
  }

  @Test
  @DisplayName("inbound listeners: pods serving the same ports under the same policies share them; ports, "
      + "PeerAuthentication and policy filter differences do not")
  void inbound() {
    MeshSnapshot s = Lds.snapshot(MESH, Lds.mesh("istio-system"), SUFFIX);
    XdsCache cache = SnapshotMemo.of(s).cache();
    Map<String, String> app = Map.of("app", "reviews");
    List<XdsResource> first = generate(s, proxy("10.1.0.1", "reviews-a", app, Map.of()), XdsCache.Caching.SHARED);
    int entries = cache.size();
    Proxy second = proxy("10.1.0.3", "reviews-b", app, Map.of());
    List<XdsResource> warm = generate(s, second, XdsCache.Caching.SHARED);
    assertThat(cache.size()).as("no new entry").isEqualTo(entries);
    XdsResource inbound = first.stream().filter(r -> r.name().equals("virtualInbound")).findFirst().orElseThrow();
    assertThat(warm).contains(inbound);
    assertThat(warm.stream().filter(r -> r.name().equals("virtualInbound")).findFirst().orElseThrow())
        .isSameAs(inbound);
    assertSameBytes(warm, generate(s, second, XdsCache.Caching.OFF));
    List<Proxy> variants = List.of(
        proxy("10.1.0.2", "db-a", Map.of("app", "reviews"), Map.of()),
        proxy("10.1.0.1", "reviews-c", Map.of("app", "reviews", "track", "canary"), Map.of()),
        proxy("10.1.0.1", "reviews-d", Map.of("app", "reviews", "role", "admin"), Map.of()));
    for (Proxy p : variants) {
      List<XdsResource> shared = generate(s, p, XdsCache.Caching.SHARED);
      XdsResource vi = shared.stream().filter(r -> r.name().equals("virtualInbound")).findFirst().orElseThrow();
      assertThat(vi.version()).as("virtualInbound of %s", p.nodeId()).isNotEqualTo(inbound.version());
      assertSameBytes(shared, generate(s, p, XdsCache.Caching.OFF));
    }
  }
}
