package dev.meshwright.xds.gateway;

import static dev.meshwright.xds.gateway.GatewayListenerGeneratorTest.gateway;
import static dev.meshwright.xds.gateway.GatewayListenerGeneratorTest.server;
import static dev.meshwright.xds.gateway.GatewayRouteGeneratorTest.vs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.SnapshotMemo;
import dev.meshwright.xds.XdsCache;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gateway route configurations shared through the snapshot's cache: a second replica of a gateway gets the same
 * resources, byte for byte what generation without the cache gives; a gateway that differs in namespace or labels
 * (other servers, other {@code sourceLabels} matches) gets its own; a custom route builder is never shared.
 */
class GatewayRouteCacheTest {
  private static final String YAML = gateway("gw", "edge", server(80, "http", "HTTP", "['*']", ""))
      + vs("shop", "edge", "[shop.corp.example]", "[gw]",
          "[{match: [{sourceLabels: {track: canary}}], route: [{destination: {host: canary}}]},"
              + " {route: [{destination: {host: shop}}]}]");

  private static ProxyContext router(MeshSnapshot s, String ip, String ns, Map<String, String> labels,
      XdsCache.Caching caching) {
    return ProxyContext.of(s, NodeIds.parse("router~" + ip + "~ingress-" + ip + "." + ns + "~" + ns + ".svc."
        + GatewayFixtures.SUFFIX, Map.of("LABELS", labels, "NAMESPACE", ns)).orThrow(),
        XdsOptions.defaults().withDomainSuffix(GatewayFixtures.SUFFIX), caching);
  }

  private static List<XdsResource> routes(GatewayRouteGenerator gen, ProxyContext ctx) {
    return gen.generate(ctx, Set.of()).resources();
  }

  private static void assertSameBytes(List<XdsResource> a, List<XdsResource> b) {
    assertThat(a).extracting(XdsResource::name).isEqualTo(b.stream().map(XdsResource::name).toList());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).bytes()).as(a.get(i).name()).isEqualTo(b.get(i).bytes());
    }
  }

  @Test
  @DisplayName("a second replica is answered from the cache with what generation without it gives")
  void hitEqualsMiss() {
    MeshSnapshot s = GatewayFixtures.snapshot(YAML, MeshConfigs.defaults());
    XdsCache cache = SnapshotMemo.of(s).cache();
    GatewayRouteGenerator gen = new GatewayRouteGenerator();
    Map<String, String> ingress = Map.of("istio", "ingressgateway");
    List<XdsResource> first = routes(gen, router(s, "10.9.0.1", "edge", ingress, XdsCache.Caching.SHARED));
    int entries = cache.size();
    List<XdsResource> second = routes(gen, router(s, "10.9.0.2", "edge", ingress, XdsCache.Caching.SHARED));
    assertThat(cache.size()).isEqualTo(entries);
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertSameBytes(second, routes(gen, router(s, "10.9.0.2", "edge", ingress, XdsCache.Caching.OFF)));
  }

  @Test
  @DisplayName("other labels or another namespace get their own entries; a custom builder is not shared")
  void distinctInputsDistinctEntries() {
    MeshSnapshot s = GatewayFixtures.snapshot(YAML, MeshConfigs.defaults());
    XdsCache cache = SnapshotMemo.of(s).cache();
    GatewayRouteGenerator gen = new GatewayRouteGenerator();
    Map<String, String> ingress = Map.of("istio", "ingressgateway");
    List<XdsResource> base = routes(gen, router(s, "10.9.0.1", "edge", ingress, XdsCache.Caching.SHARED));
    Map<String, String> canaryLabels = Map.of("istio", "ingressgateway", "track", "canary");
    int before = cache.size();
    List<XdsResource> canary = routes(gen, router(s, "10.9.0.3", "edge", canaryLabels, XdsCache.Caching.SHARED));
    assertThat(cache.size()).isGreaterThan(before);
    assertThat(canary.get(0).version()).as("sourceLabels route").isNotEqualTo(base.get(0).version());
    assertSameBytes(canary, routes(gen, router(s, "10.9.0.3", "edge", canaryLabels, XdsCache.Caching.OFF)));
    before = cache.size();
    List<XdsResource> other = routes(gen, router(s, "10.9.0.4", "other", ingress, XdsCache.Caching.SHARED));
    assertThat(cache.size()).isGreaterThan(before);
    assertSameBytes(other, routes(gen, router(s, "10.9.0.4", "other", ingress, XdsCache.Caching.OFF)));
    GatewayRouteGenerator custom = new GatewayRouteGenerator(GatewayRouteBuilder.translator()::build);
    before = cache.size();
    List<XdsResource> decorated = routes(custom, router(s, "10.9.0.5", "edge", ingress, XdsCache.Caching.SHARED));
    assertThat(cache.size()).as("nothing stored for a custom builder").isEqualTo(before);
    assertThat(decorated.get(0)).isNotSameAs(base.get(0));
    assertSameBytes(decorated, base);
  }
}
