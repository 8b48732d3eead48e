package dev.meshwright.xds.route;

import com.google.protobuf.Any;
import dev.meshwright.model.registry.MeshService;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.extensions.filters.http.stateful_session.v3.StatefulSession;
import io.envoyproxy.envoy.extensions.filters.http.stateful_session.v3.StatefulSessionPerRoute;
import io.envoyproxy.envoy.extensions.http.stateful_session.cookie.v3.CookieBasedSessionState;
import io.envoyproxy.envoy.extensions.http.stateful_session.header.v3.HeaderBasedSessionState;
import io.envoyproxy.envoy.type.http.v3.Cookie;
import java.util.Optional;

/**
 * Istio's persistent sessions: a service labelled {@code istio.io/persistent-session: name[:path]} gets cookie-based
 * stateful sessions (session cookie, path {@code /} by default), one labelled
 * {@code istio.io/persistent-session-header: name} header-based ones; its routes and virtual hosts carry the
 * per-route config of {@code envoy.filters.http.stateful_session}. Stateless.
 */
public final class StatefulSessions {
  private StatefulSessions() {}

  /** The HTTP filter name the per-route config is keyed by. */
  public static final String FILTER = "envoy.filters.http.stateful_session";
  /** The service label asking for cookie-based sessions. */
  public static final String COOKIE_LABEL = "istio.io/persistent-session";
  /** The service label asking for header-based sessions. */
  public static final String HEADER_LABEL = "istio.io/persistent-session-header";

  /** The stateful session config of {@code svc}, if its labels ask for one. */
  public static Optional<StatefulSession> of(MeshService svc) {
    String cookie = svc.labels().getOrDefault(COOKIE_LABEL, "");
    String header = svc.labels().getOrDefault(HEADER_LABEL, "");
    if (!cookie.isEmpty()) {
      int colon = cookie.indexOf(':');
      String name = colon < 0 ? cookie : cookie.substring(0, colon);
      String path = colon < 0 ? "/" : cookie.substring(colon + 1);
      return Optional.of(StatefulSession.newBuilder().setSessionState(TypedExtensionConfig.newBuilder()
          .setName("envoy.http.stateful_session.cookie")
          .setTypedConfig(Any.pack(CookieBasedSessionState.newBuilder()
              .setCookie(Cookie.newBuilder().setPath(path).setName(name)).build()))).build());
    }
    if (!header.isEmpty()) {
      return Optional.of(StatefulSession.newBuilder().setSessionState(TypedExtensionConfig.newBuilder()
          .setName("envoy.http.stateful_session.header")
          .setTypedConfig(Any.pack(HeaderBasedSessionState.newBuilder().setName(header).build()))).build());
    }
    return Optional.empty();
  }

  /** {@code session} as the per-route (or per-virtual-host) override. */
  public static Any perRoute(StatefulSession session) {
    return Any.pack(StatefulSessionPerRoute.newBuilder().setStatefulSession(session).build());
  }
}
