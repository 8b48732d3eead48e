package dev.meshwright.xds.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A sidecar's own ProxyConfig (node metadata {@code PROXY_CONFIG}, from the {@code proxy.istio.io/config} annotation)
 * replaces the mesh default in what istiod generates for it, and proxies that differ in it share nothing cached.
 */
class ProxyConfigMetadataTest {
  private static final Map<String, Object> OWN = Map.of("PROXY_CONFIG", Map.of(
      "tracing", Map.of("sampling", 42.0),
      "proxyHeaders", Map.of("attemptCount", Map.of("disabled", true))));

  @Test
  @DisplayName("tracing sampling and attempt-count headers follow PROXY_CONFIG; a proxy without it keeps the defaults")
  void perProxyConfig() {
    MeshSnapshot s = Lds.snapshot(OutboundListenersTest.MESH, MeshConfigs.defaults(), OutboundListenersTest.SUFFIX);
    var generator = Istiod.generator(XdsOptions.defaults().withDomainSuffix(OutboundListenersTest.SUFFIX));
    var own = generator.generate(s, OutboundListenersTest.web(s, OWN).proxy());
    var plain = generator.generate(s, OutboundListenersTest.web(s, Map.of()).proxy());

    assertThat(sampling(own.of(TypeUrls.LISTENER))).isEqualTo(42.0);
    assertThat(sampling(plain.of(TypeUrls.LISTENER))).isEqualTo(1.0);
    assertThat(attemptCount(own.of(TypeUrls.ROUTE))).isFalse();
    assertThat(attemptCount(plain.of(TypeUrls.ROUTE))).isTrue();
  }

  @Test
  @DisplayName("metadata that is no ProxyConfig counts as absent: the mesh default applies")
  void badMetadata() {
    MeshSnapshot s = Lds.snapshot(OutboundListenersTest.MESH, MeshConfigs.defaults(), OutboundListenersTest.SUFFIX);
    ProxyContext ctx = OutboundListenersTest.web(s, Map.of("PROXY_CONFIG", Map.of("tracing", "everything")));
    assertThat(ctx.proxyConfig()).isEqualTo(MeshConfigs.defaultProxyConfig());
  }

  private static double sampling(Map<String, XdsResource> listeners) {
    HttpConnectionManager hcm = Lds.hcm(((io.envoyproxy.envoy.config.listener.v3.Listener)
        listeners.get("0.0.0.0_7070").message()).getFilterChains(0)).orElseThrow();
    return hcm.getTracing().getRandomSampling().getValue();
  }

  private static boolean attemptCount(Map<String, XdsResource> routes) {
    RouteConfiguration rc = (RouteConfiguration) routes.get("7070").message();
    return rc.getVirtualHostsList().stream().filter(v -> !v.getName().equals("allow_any"))
        .allMatch(v -> v.getIncludeRequestAttemptCount());
  }
}
