package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.registry.MeshService;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.stateful_session.v3.StatefulSessionPerRoute;
import io.envoyproxy.envoy.extensions.http.stateful_session.cookie.v3.CookieBasedSessionState;
import io.envoyproxy.envoy.extensions.http.stateful_session.header.v3.HeaderBasedSessionState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatefulSessionsTest {
  private static MeshService labelled(Map<String, String> labels) {
    MeshService s = RouteFixtures.service("cart", "shop", "10.0.0.20", 8080);
    return new MeshService(s.hostname(), s.namespace(), s.name(), s.origin(), s.addresses(), s.ports(),
        s.resolution(), s.location(), s.exportTo(), s.selector(), labels, "");
  }

  @Test
  @DisplayName("istio.io/persistent-session name[:path] gives a session cookie (path '/' by default); the header "
      + "label a header session; no label, none")
  void configs() throws Exception {
    var cookie = StatefulSessions.of(labelled(Map.of("istio.io/persistent-session", "sid:/cart"))).orElseThrow();
    assertThat(cookie.getSessionState().getName()).isEqualTo("envoy.http.stateful_session.cookie");
    var state = cookie.getSessionState().getTypedConfig().unpack(CookieBasedSessionState.class);
    assertThat(state.getCookie().getName()).isEqualTo("sid");
    assertThat(state.getCookie().getPath()).isEqualTo("/cart");
    var plain = StatefulSessions.of(labelled(Map.of("istio.io/persistent-session", "sid"))).orElseThrow();
    assertThat(plain.getSessionState().getTypedConfig().unpack(CookieBasedSessionState.class).getCookie().getPath())
        .isEqualTo("/");
    var header = StatefulSessions.of(labelled(Map.of("istio.io/persistent-session-header", "x-session")))
        .orElseThrow();
    assertThat(header.getSessionState().getTypedConfig().unpack(HeaderBasedSessionState.class).getName())
        .isEqualTo("x-session");
    assertThat(StatefulSessions.of(labelled(Map.of()))).isEmpty();
  }

  @Test
  @DisplayName("a route to a session service carries the stateful_session per-route config")
  void route() throws Exception {
    MeshService cart = labelled(Map.of("istio.io/persistent-session-header", "x-session"));
    Route r = RouteTranslator.translate(RouteFixtures.vs("""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: cart, namespace: shop}
        spec:
          hosts: [cart]
          http: [{route: [{destination: {host: cart}}]}]
        """), RouteFixtures.sidecar(proxy("shop", Map.of()), 8080, cart)).routes().get(0);
    assertThat(r.getTypedPerFilterConfigOrThrow("envoy.filters.http.stateful_session")
        .unpack(StatefulSessionPerRoute.class).getStatefulSession())
        .isEqualTo(StatefulSessions.of(cart).orElseThrow());
  }

  @Test
  @DisplayName("a session service's virtual host carries the per-route config too")
  void virtualHost() {
    String svc = """
        apiVersion: v1
        kind: Service
        metadata: {name: cart, namespace: shop, labels: {istio.io/persistent-session: sid}}
        spec: {clusterIP: 10.0.0.20, ports: [{name: http, port: 8080}]}
        """;
    RouteConfiguration rc = RouteFixtures.sidecarRoute(snapshot(svc, RouteFixtures.MESH), "8080");
    List<VirtualHost> vhs = rc.getVirtualHostsList();
    assertThat(vhs.get(0).getTypedPerFilterConfigMap()).containsKey("envoy.filters.http.stateful_session");
    assertThat(vhs.get(1).getTypedPerFilterConfigMap()).isEmpty();
  }
}
