package dev.meshwright.xds.route;

import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.PortSelector;
import dev.meshwright.model.registry.MeshService;
import java.util.Map;

/**
 * Route destinations to outbound cluster names {@code outbound|<port>|<subset>|<host>}: the port is the destination's,
 * else the only port of the service in sight, else the listener port; a Kubernetes ExternalName alias points at its
 * target host; a destination without host is {@code UnknownService}. Stateless.
 */
public final class Destinations {
  private Destinations() {}

  /** The cluster name of a destination without host. */
  public static final String UNKNOWN_SERVICE = "UnknownService";

  /**
   * The outbound cluster of {@code dst} ({@code host} already a FQDN) seen on {@code listenPort}, with
   * {@code services} the services in sight by hostname.
   */
  public static String cluster(Destination dst, Map<String, MeshService> services, int listenPort) {
    String host = dst.host().orElse("");
    if (host.isEmpty()) {
      return UNKNOWN_SERVICE;
    }
    MeshService svc = services.get(host);
    if (svc != null && !svc.externalName().isEmpty()) {
      host = svc.externalName();
    }
    int port = listenPort;
    if (dst.port().flatMap(PortSelector::number).isPresent()) {
      port = dst.port().flatMap(PortSelector::number).get();
    } else if (svc != null && svc.ports().size() == 1) {
      port = svc.ports().get(0).port();
    }
    return ClusterNames.outbound(port, dst.subset().orElse(""), host);
  }
}
