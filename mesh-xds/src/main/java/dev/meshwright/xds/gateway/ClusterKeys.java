package dev.meshwright.xds.gateway;

/**
 * Cluster names gateways refer to (Istio's {@code BuildSubsetKey} and {@code BuildDNSSrvSubsetKey}); a stand-in
 * with the same names as {@code dev.meshwright.xds.cluster.ClusterNames}, which replaces it. Stateless.
 */
final class ClusterKeys {
  private ClusterKeys() {}

  /** {@code outbound|<port>|<subset>|<host>}. */
  static String outbound(int port, String subset, String host) {
    return "outbound|" + port + "|" + subset + "|" + host;
  }

  /** {@code outbound_.<port>_.<subset>_.<host>}, the SNI-DNAT form AUTO_PASSTHROUGH chains match. */
  static String outboundSni(int port, String subset, String host) {
    return "outbound_." + port + "_." + subset + "_." + host;
  }
}
