package dev.meshwright.xds;

import java.util.List;

/** The xDS type URLs Meshwright serves, and the order a push sends them in (CDS, EDS, LDS, RDS, SDS). */
public final class TypeUrls {
  private TypeUrls() {}

  private static final String PREFIX = "type.googleapis.com/";
  /** CDS. */
  public static final String CLUSTER = PREFIX + "envoy.config.cluster.v3.Cluster";
  /** EDS. */
  public static final String ENDPOINT = PREFIX + "envoy.config.endpoint.v3.ClusterLoadAssignment";
  /** LDS. */
  public static final String LISTENER = PREFIX + "envoy.config.listener.v3.Listener";
  /** RDS. */
  public static final String ROUTE = PREFIX + "envoy.config.route.v3.RouteConfiguration";
  /** SDS. */
  public static final String SECRET = PREFIX + "envoy.extensions.transport_sockets.tls.v3.Secret";

  /** Every type, in push order: a cluster exists before its endpoints, a listener before its routes. */
  public static final List<String> PUSH_ORDER = List.of(CLUSTER, ENDPOINT, LISTENER, ROUTE, SECRET);

  /** The short name Istio's tools use: CDS, EDS, LDS, RDS, SDS (or the URL itself for others). */
  public static String shortName(String typeUrl) {
    return switch (typeUrl) {
      case CLUSTER -> "CDS";
      case ENDPOINT -> "EDS";
      case LISTENER -> "LDS";
      case ROUTE -> "RDS";
      case SECRET -> "SDS";
      default -> typeUrl;
    };
  }
}
