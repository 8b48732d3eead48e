package dev.meshwright.xds;

import java.util.Locale;
import java.util.Optional;

/** The first field of an Istio node ID: what kind of proxy is connecting. */
public enum ProxyType {
  /** A sidecar Envoy, or a proxyless gRPC client (which also says {@code sidecar}). */
  SIDECAR,
  /** A gateway Envoy (ingress or egress). */
  ROUTER,
  /** An ambient waypoint. */
  WAYPOINT,
  /** An ambient node proxy. */
  ZTUNNEL;

  /** The node-ID spelling: {@code sidecar}, {@code router}, {@code waypoint}, {@code ztunnel}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named by a node ID's first field, if it is one Istio knows. */
  public static Optional<ProxyType> fromId(String id) {
    for (ProxyType t : values()) {
      if (t.id().equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
