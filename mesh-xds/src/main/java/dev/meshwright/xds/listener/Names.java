package dev.meshwright.xds.listener;

import dev.meshwright.xds.cluster.ClusterNames;

/**
 * Istio's listener and chain names (pilot/pkg/model/listener.go, gateway.go › getListenerName) and the bind
 * addresses; cluster names come from {@link ClusterNames}.
 */
final class Names {
  private Names() {}

  static final String VIRTUAL_OUTBOUND = "virtualOutbound";
  static final String VIRTUAL_INBOUND = "virtualInbound";
  static final String VIRTUAL_OUTBOUND_BLACKHOLE = "virtualOutbound-blackhole";
  static final String VIRTUAL_OUTBOUND_CATCHALL_TCP = "virtualOutbound-catchall-tcp";
  static final String VIRTUAL_INBOUND_BLACKHOLE = "virtualInbound-blackhole";
  static final String VIRTUAL_INBOUND_CATCHALL_HTTP = "virtualInbound-catchall-http";
  static final String PASSTHROUGH_FILTER_CHAIN = "PassthroughFilterChain";

  static final String BLACKHOLE_CLUSTER = ClusterNames.BLACK_HOLE;
  static final String PASSTHROUGH_CLUSTER = ClusterNames.PASSTHROUGH;
  static final String INBOUND_PASSTHROUGH_IPV4 = ClusterNames.INBOUND_PASSTHROUGH_IPV4;
  static final String INBOUND_PASSTHROUGH_IPV6 = ClusterNames.INBOUND_PASSTHROUGH_IPV6;

  static final String WILDCARD_V4 = "0.0.0.0";
  static final String WILDCARD_V6 = "::";
  static final String LOCALHOST_V4 = "127.0.0.1";
  static final String LOCALHOST_V6 = "::1";

  /** {@code <bind>_<port>}, Istio's name for a TCP listener (and for inbound chains). */
  static String listener(String bind, int port) {
    return bind + "_" + port;
  }
}
