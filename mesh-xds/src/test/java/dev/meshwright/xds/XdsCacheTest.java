package dev.meshwright.xds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.istiod.Istiod;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's {@link XdsCache}: proxies with the same inputs share generated resources, the output is the same
 * with and without the cache, a proxy that differs in any input gets its own resources, a new snapshot starts empty.
 */
class XdsCacheTest {
  private static final String MESH = """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: reviews, namespace: shop}
      spec:
        hosts: [reviews.shop.svc.corp.example]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 9080, name: http, protocol: HTTP}]
        endpoints:
        - {address: 10.1.0.1, labels: {app: reviews, version: v1}, locality: us-east/a}
        - {address: 10.1.0.2, labels: {app: reviews, version: v2}, locality: us-west/b}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: db, namespace: shop}
      spec:
        hosts: [db.example.com]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 5432, name: tcp, protocol: TCP}]
        endpoints: [{address: db.example.com}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: reviews-canary, namespace: shop}
      spec:
        host: reviews.shop.svc.corp.example
        workloadSelector: {matchLabels: {track: canary}}
        trafficPolicy: {loadBalancer: {simple: RANDOM}}
        subsets: [{name: v2, labels: {version: v2}}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: reviews, namespace: shop}
      spec:
        host: reviews.shop.svc.corp.example
        trafficPolicy:
          loadBalancer: {simple: LEAST_REQUEST, localityLbSetting: {enabled: true}}
          outlierDetection: {consecutive5xxErrors: 3, interval: 10s}
        subsets: [{name: v1, labels: {version: v1}}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: reviews, namespace: shop}
      spec:
        hosts: [reviews.shop.svc.corp.example]
        http:
        - match: [{sourceLabels: {track: canary}}]
          route: [{destination: {host: reviews.shop.svc.corp.example, subset: v2}}]
        - route: [{destination: {host: reviews.shop.svc.corp.example, subset: v1}}]
      """;

  private static final XdsGenerator SHARED = Istiod.generator(MeshFixture.OPTIONS);
  private static final XdsGenerator FRESH = SHARED.withCaching(XdsCache.Caching.OFF);

  private static Proxy sidecar(String ip, String pod, Map<String, String> labels, Map<String, Object> meta) {
    Map<String, Object> m = new java.util.HashMap<>(meta);
    m.put("LABELS", labels);
    m.put("NAMESPACE", "shop");
    return NodeIds.parse("sidecar~" + ip + "~" + pod + ".shop~shop.svc." + MeshFixture.DOMAIN, m).orThrow();
  }

  /** Every resource of {@code a} and {@code b} equal: names, messages and versions, type by type. */
  private static void assertSame(XdsResources a, XdsResources b) {
    assertThat(a.types()).isEqualTo(b.types());
    for (String t : a.types()) {
      assertThat(a.of(t)).as(t).isEqualTo(b.of(t));
    }
    assertThat(a.diagnostics()).isEqualTo(b.diagnostics());
  }

  @Test
  @DisplayName("a second identical proxy is answered from the cache, with the output generation without it gives")
  void hitEqualsMiss() {
    MeshSnapshot s = MeshFixture.snapshot(MESH);
    Proxy first = sidecar("10.2.0.1", "client-a", Map.of("app", "client"), Map.of());
    Proxy second = sidecar("10.2.0.2", "client-b", Map.of("app", "client"), Map.of());
    XdsCache cache = SnapshotMemo.of(s).cache();
    XdsResources cold = SHARED.generate(s, first);
    long misses = cache.misses();
    assertThat(cache.size()).isPositive();
    XdsResources warm = SHARED.generate(s, second);
    assertThat(cache.misses()).as("no new entry for an identical proxy").isEqualTo(misses);
    assertThat(cache.hits()).isPositive();
    assertSame(warm, FRESH.generate(s, second));
    assertSame(cold, FRESH.generate(s, first));
  }

  @Test
  @DisplayName("proxies that differ in labels, IP family, locality or client certificates get their own entries")
  void differentInputsDifferentEntries() {
    MeshSnapshot s = MeshFixture.snapshot(MESH);
    Proxy base = sidecar("10.2.0.1", "client-a", Map.of("app", "client"), Map.of());
    List<Proxy> variants = List.of(
        sidecar("10.2.0.3", "client-c", Map.of("app", "client", "track", "canary"), Map.of()),
        sidecar("fd00::3", "client-d", Map.of("app", "client"), Map.of()),
        sidecar("10.2.0.5", "client-e", Map.of("app", "client", "topology.kubernetes.io/region", "us-west",
            "topology.kubernetes.io/zone", "b"), Map.of()),
        sidecar("10.2.0.6", "client-f", Map.of("app", "client"), Map.of("TLS_CLIENT_CERT_CHAIN", "/certs/chain.pem",
            "TLS_CLIENT_KEY", "/certs/key.pem", "TLS_CLIENT_ROOT_CERT", "/certs/root.pem")));
    SHARED.generate(s, base);
    for (Proxy p : variants) {
      XdsCache cache = SnapshotMemo.of(s).cache();
      int before = cache.size();
      XdsResources shared = SHARED.generate(s, p);
      assertThat(cache.size()).as("new entries for %s", p.nodeId()).isGreaterThan(before);
      assertSame(shared, FRESH.generate(s, p));
    }
    XdsResources canary = SHARED.generate(s, variants.get(0));
    assertThat(canary.of(TypeUrls.ROUTE)).as("sourceLabels routes").isNotEqualTo(SHARED.generate(s, base)
        .of(TypeUrls.ROUTE));
  }

  @Test
  @DisplayName("a new snapshot has its own, empty cache: a changed DestinationRule is never answered from the old one")
  void newSnapshotInvalidates() {
    MeshSnapshot before = MeshFixture.snapshot(MESH);
    MeshSnapshot after = MeshFixture.snapshot(MESH.replace("LEAST_REQUEST", "ROUND_ROBIN"));
    Proxy p = sidecar("10.2.0.1", "client-a", Map.of("app", "client"), Map.of());
    XdsResources old = SHARED.generate(before, p);
    assertThat(SnapshotMemo.of(after).cache().size()).isZero();
    XdsResources now = SHARED.generate(after, p);
    assertSame(now, FRESH.generate(after, p));
    String cluster = "outbound|9080||reviews.shop.svc.corp.example";
    assertThat(now.get(TypeUrls.CLUSTER, cluster).orElseThrow().version())
        .isNotEqualTo(old.get(TypeUrls.CLUSTER, cluster).orElseThrow().version());
    assertThat(SnapshotMemo.of(after)).isNotSameAs(SnapshotMemo.of(before));
  }

  @Test
  @DisplayName("the cache is bounded: past its size, results are computed and returned but not stored")
  void bounded() {
    XdsCache cache = new XdsCache(1);
    Supplier<ResourceGenerator.Output> none = () -> ResourceGenerator.Output.of(List.of());
    cache.get("a", none);
    cache.get("b", none);
    cache.get("b", none);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(3);
    assertThat(XdsCache.NONE.get("a", none).resources()).isEmpty();
    assertThat(XdsCache.NONE.size()).isZero();
  }
}
