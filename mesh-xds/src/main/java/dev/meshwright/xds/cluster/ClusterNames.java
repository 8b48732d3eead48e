package dev.meshwright.xds.cluster;

import java.util.Optional;

/**
 * Istio's cluster names: {@code outbound|<port>|<subset>|<host>} (the subset empty for the service's default
 * cluster), its DNS-SRV form {@code outbound_.<port>_.<subset>_.<host>} (the default SNI of ISTIO_MUTUAL and the
 * SNI-DNAT cluster name), {@code inbound|<port>||}, and the fixed names of the catch-all clusters. Pure and
 * thread-safe.
 */
public final class ClusterNames {
  private ClusterNames() {}

  /** The STATIC cluster without endpoints that unmatched or blocked traffic goes to. */
  public static final String BLACK_HOLE = "BlackHoleCluster";
  /** The ORIGINAL_DST cluster of ALLOW_ANY outbound traffic. */
  public static final String PASSTHROUGH = "PassthroughCluster";
  /** The inbound ORIGINAL_DST cluster for IPv4, bound to {@code 127.0.0.6}. */
  public static final String INBOUND_PASSTHROUGH_IPV4 = "InboundPassthroughClusterIpv4";
  /** The inbound ORIGINAL_DST cluster for IPv6, bound to {@code ::6}. */
  public static final String INBOUND_PASSTHROUGH_IPV6 = "InboundPassthroughClusterIpv6";

  /** Which way a cluster's traffic goes. */
  public enum Direction {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String prefix;

    Direction(String prefix) {
      this.prefix = prefix;
    }

    /** The name prefix: {@code inbound} or {@code outbound}. */
    public String prefix() {
      return prefix;
    }
  }

  /**
   * A parsed subset key.
   *
   * @param direction inbound or outbound
   * @param port the port number
   * @param subset the subset name, empty for the default cluster
   * @param host the hostname, empty for inbound clusters
   */
  public record Key(Direction direction, int port, String subset, String host) {
    /** The {@code |}-separated name of this key. */
    public String name() {
      return direction.prefix() + "|" + port + "|" + subset + "|" + host;
    }

    /** The key of the service's default cluster (no subset). */
    public Key withoutSubset() {
      return new Key(direction, port, "", host);
    }
  }

  /** {@code outbound|<port>|<subset>|<host>}; pass an empty subset for the default cluster. */
  public static String outbound(int port, String subset, String host) {
    return "outbound|" + port + "|" + subset + "|" + host;
  }

  /** {@code outbound|<port>||<host>}, a service port's default cluster. */
  public static String outbound(int port, String host) {
    return outbound(port, "", host);
  }

  /** {@code outbound_.<port>_.<subset>_.<host>}: the default ISTIO_MUTUAL SNI and the SNI-DNAT cluster name. */
  public static String outboundSni(int port, String subset, String host) {
    return "outbound_." + port + "_." + subset + "_." + host;
  }

  /** {@code inbound|<port>||}, the sidecar's cluster for one inbound (target) port. */
  public static String inbound(int port) {
    return "inbound|" + port + "||";
  }

  /** {@code name} cut at the first three {@code sep}s (the last part keeps any further ones), or null. */
  private static String[] split(String name, String sep) {
    int a = name.indexOf(sep);
    int b = a < 0 ? -1 : name.indexOf(sep, a + sep.length());
    int c = b < 0 ? -1 : name.indexOf(sep, b + sep.length());
    if (c < 0) {
      return null;
    }
    return new String[] {name.substring(0, a), name.substring(a + sep.length(), b),
        name.substring(b + sep.length(), c), name.substring(c + sep.length())};
  }

  /** Whether {@code name} is in the DNS-SRV form ({@code outbound_.} or {@code inbound_.}). */
  public static boolean isSniForm(String name) {
    return name.startsWith("outbound_.") || name.startsWith("inbound_.");
  }

  /**
   * Parses either form ({@code outbound|80|v1|h} or {@code outbound_.80_.v1_.h}); empty when {@code name} is not
   * a subset key (a bad direction, a port that is not a positive number, too few parts).
   */
  public static Optional<Key> parse(String name) {
    String[] parts = split(name, isSniForm(name) ? "_." : "|");
    if (parts == null) {
      return Optional.empty();
    }
    Direction dir;
    switch (parts[0]) {
      case "outbound" -> dir = Direction.OUTBOUND;
      case "inbound" -> dir = Direction.INBOUND;
      default -> {
        return Optional.empty();
      }
    }
    int port;
    try {
      port = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (port <= 0 || port > 65535) {
      return Optional.empty();
    }
    return Optional.of(new Key(dir, port, parts[2], parts[3]));
  }
}
