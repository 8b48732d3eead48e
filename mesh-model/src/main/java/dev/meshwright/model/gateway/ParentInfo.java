package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import java.util.List;

/**
 * Something a route can name as a parent: one Gateway listener, or the mesh. Counts the routes that bound
 * to it while routes are converted, then writes the count into the listener's status. Not thread-safe.
 */
final class ParentInfo {
  static final String MESH = "mesh";

  final String internalName;
  final List<RouteGroupKind> allowedKinds;
  /** The server hosts ({@code namespace/hostname}); empty for the mesh. */
  final List<String> hostnames;
  final String originalHostname;
  final String sectionName;
  final int port;
  final String protocol;
  private final ListenerStatus listenerStatus;
  private int attachedRoutes;

  ParentInfo(String internalName, List<RouteGroupKind> allowedKinds, List<String> hostnames,
      String originalHostname, String sectionName, int port, String protocol, ListenerStatus listenerStatus) {
    this.internalName = internalName;
    this.allowedKinds = List.copyOf(allowedKinds);
    this.hostnames = List.copyOf(hostnames);
    this.originalHostname = originalHostname;
    this.sectionName = sectionName;
    this.port = port;
    this.protocol = protocol;
    this.listenerStatus = listenerStatus;
  }

  static ParentInfo mesh() {
    List<RouteGroupKind> all = List.of(
        new RouteGroupKind(GatewayApiObjects.GROUP, "HTTPRoute"),
        new RouteGroupKind(GatewayApiObjects.GROUP, "GRPCRoute"),
        new RouteGroupKind(GatewayApiObjects.GROUP, "TCPRoute"),
        new RouteGroupKind(GatewayApiObjects.GROUP, "TLSRoute"));
    return new ParentInfo(MESH, all, List.of(), "", "", 0, "", null);
  }

  void attach() {
    attachedRoutes++;
  }

  /** Writes the attached route count into the listener status (no-op for the mesh). */
  void reportAttachedRoutes() {
    if (listenerStatus != null) {
      listenerStatus.setAttachedRoutes(attachedRoutes);
    }
  }
}
