package dev.meshwright.xds.listener;

/**
 * Istio's listener, chain and cluster names (pilot/pkg/model/listener.go, service.go › BuildSubsetKey). The lead folds
 * the cluster keys into {@code dev.meshwright.xds.cluster.ClusterNames}; until then this is the one place here.
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

  static final String BLACKHOLE_CLUSTER = "BlackHoleCluster";
  static final String PASSTHROUGH_CLUSTER = "PassthroughCluster";
  static final String INBOUND_PASSTHROUGH_IPV4 = "InboundPassthroughClusterIpv4";
  static final String INBOUND_PASSTHROUGH_IPV6 = "InboundPassthroughClusterIpv6";

  static final String WILDCARD_V4 = "0.0.0.0";
  static final String WILDCARD_V6 = "::";
  static final String LOCALHOST_V4 = "127.0.0.1";
  static final String LOCALHOST_V6 = "::1";

  /** {@code outbound|<port>|<subset>|<host>}. */
  static String outboundCluster(int port, String subset, String host) {
    return "outbound|" + port + "|" + subset + "|" + host;
  }

  /** {@code inbound|<port>||}. */
  static String inboundCluster(int port) {
    return "inbound|" + port + "||";
  }

  /** {@code <bind>_<port>}, Istio's name for a TCP listener (and for inbound chains). */
  static String listener(String bind, int port) {
    return bind + "_" + port;
  }
}
