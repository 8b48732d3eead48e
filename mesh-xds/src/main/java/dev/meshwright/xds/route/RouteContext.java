package dev.meshwright.xds.route;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.xds.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where VirtualService HTTP routes are being translated: for which proxy, on which listener port, for which gateway
 * names ({@code mesh} for sidecars, {@code ns/name} for gateway servers), with which services in sight (by hostname:
 * they pick the destination port of a destination without one, and Kubernetes ExternalName aliases), whether the
 * listener terminates TLS (the default scheme of redirects). Immutable.
 *
 * @param proxy the proxy the routes are for (labels and namespace gate {@code sourceLabels}/{@code sourceNamespace};
 *     proxyless gRPC proxies get {@code max_stream_duration} timeouts)
 * @param listenPort the listener or route port; a destination without port and without a single-port service uses it
 * @param gatewayNames the gateways in scope; a match naming gateways applies only when one of them is here
 * @param services the services in sight, by hostname (for a sidecar: the imported services, narrowed to the port)
 * @param meshConfig the mesh config (the default retry policy)
 * @param domainSuffix the DNS suffix short destination hosts are expanded with
 * @param tls whether the listener terminates TLS
 * @param hashPolicies the DestinationRule consistent-hash policies of destinations ({@link HashPolicies#NONE} in the
 *     factories; set with {@link #withHashPolicies})
 */
public record RouteContext(Proxy proxy, int listenPort, Set<String> gatewayNames, Map<String, MeshService> services,
    MeshConfig meshConfig, String domainSuffix, ListenerTls tls, HashPolicies hashPolicies) {

  /** The gateway name sidecars route for. */
  public static final String MESH_GATEWAY = "mesh";

  /** Whether the listener the routes sit behind terminates TLS. */
  public enum ListenerTls {
    /** Plain HTTP: redirects default to {@code http}. */
    PLAINTEXT,
    /** A terminating HTTPS server: redirects default to {@code https}. */
    TERMINATED
  }

  public RouteContext {
    Objects.requireNonNull(proxy, "proxy");
    gatewayNames = Set.copyOf(gatewayNames);
    services = Map.copyOf(services);
    Objects.requireNonNull(meshConfig, "meshConfig");
    Objects.requireNonNull(domainSuffix, "domainSuffix");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(hashPolicies, "hashPolicies");
  }

  /** A sidecar's context: gateway {@code mesh}, plaintext. */
  public static RouteContext sidecar(Proxy proxy, int listenPort, Map<String, MeshService> services,
      MeshConfig meshConfig, String domainSuffix) {
    return new RouteContext(proxy, listenPort, Set.of(MESH_GATEWAY), services, meshConfig, domainSuffix,
        ListenerTls.PLAINTEXT, HashPolicies.NONE);
  }

  /** A gateway server's context. */
  public static RouteContext gateway(Proxy proxy, int listenPort, Set<String> gatewayNames,
      Map<String, MeshService> services, MeshConfig meshConfig, String domainSuffix, ListenerTls tls) {
    return new RouteContext(proxy, listenPort, gatewayNames, services, meshConfig, domainSuffix, tls,
        HashPolicies.NONE);
  }

  /** This context on another port. */
  public RouteContext withListenPort(int port) {
    return new RouteContext(proxy, port, gatewayNames, services, meshConfig, domainSuffix, tls, hashPolicies);
  }

  /** This context with DestinationRule hash policies. */
  public RouteContext withHashPolicies(HashPolicies value) {
    return new RouteContext(proxy, listenPort, gatewayNames, services, meshConfig, domainSuffix, tls, value);
  }
}
