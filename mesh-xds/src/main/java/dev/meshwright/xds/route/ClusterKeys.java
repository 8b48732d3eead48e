package dev.meshwright.xds.route;

import java.util.Optional;

/**
 * Istio's subset keys {@code outbound|<port>|<subset>|<host>}: built for route destinations and parsed back for the
 * route decorator and the proxyless gRPC route names. Package-private until it folds into the cluster package's
 * name helper. Stateless.
 */
final class ClusterKeys {
  private ClusterKeys() {}

  /** A parsed key: direction, subset (maybe empty), host and port. */
  record Key(String direction, String subset, String host, int port) {}

  static String outbound(String subset, String host, int port) {
    return "outbound|" + port + "|" + subset + "|" + host;
  }

  /** The key's parts when {@code name} has the four {@code |}-separated fields and a numeric port. */
  static Optional<Key> parse(String name) {
    String[] parts = name.split("\\|", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Key(parts[0], parts[2], parts[3], Integer.parseInt(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
