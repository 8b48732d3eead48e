package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import java.util.ArrayList;
import java.util.List;

/** The route kinds a listener accepts, from its protocol and {@code allowedRoutes.kinds}. Stateless. */
final class ListenerKinds {
  private ListenerKinds() {}

  /**
   * The supported kinds.
   *
   * @param kinds the kinds routes may have to bind
   * @param valid false when {@code allowedRoutes.kinds} names a kind the protocol cannot carry
   */
  record Supported(List<RouteGroupKind> kinds, boolean valid) {}

  static Supported of(Listener l) {
    List<RouteGroupKind> supported = new ArrayList<>();
    String protocol = l.getProtocol() == null ? "" : l.getProtocol();
    switch (protocol) {
      case "HTTP", "HTTPS" -> {
        supported.add(kind("HTTPRoute"));
        supported.add(kind("GRPCRoute"));
      }
      case "TCP" -> supported.add(kind("TCPRoute"));
      case "TLS" -> {
        boolean passthrough = l.getTls() != null && "Passthrough".equals(l.getTls().getMode());
        supported.add(kind(passthrough ? "TLSRoute" : "TCPRoute"));
      }
      default -> { }
    }
    List<RouteGroupKind> wanted = l.getAllowedRoutes() == null ? null : l.getAllowedRoutes().getKinds();
    if (wanted != null && !wanted.isEmpty()) {
      List<RouteGroupKind> intersection = new ArrayList<>();
      for (RouteGroupKind s : supported) {
        for (RouteGroupKind w : wanted) {
          if (s.getKind().equals(w.getKind()) && group(s).equals(group(w))) {
            intersection.add(s);
            break;
          }
        }
      }
      return new Supported(intersection, intersection.size() == wanted.size());
    }
    return new Supported(supported, true);
  }

  static String group(RouteGroupKind k) {
    return k.getGroup() == null ? GatewayApiObjects.GROUP : k.getGroup();
  }

  private static RouteGroupKind kind(String kind) {
    return new RouteGroupKind(GatewayApiObjects.GROUP, kind);
  }
}
