package dev.meshwright.xds.route;

import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.Port;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.xds.ProxyContext;
import java.util.List;
import java.util.Optional;

/**
 * Which Sidecar egress listener a route configuration belongs to, as istiod's {@code GetEgressListenerForRDS}: the
 * listener on the route's port (a Unix socket listener by its bind), else the catch-all one without port; and what
 * that listener imports ({@code ns/host} patterns: {@code .} is the Sidecar's namespace, {@code *} any, {@code ~}
 * none). No Sidecar egress means everything the proxy sees. Stateless.
 */
final class EgressListeners {
  private EgressListeners() {}

  /** The listener for route {@code routeName} on {@code port} (0 for a socket or HTTP proxy); empty = no Sidecar. */
  static Optional<IstioEgressListener> forRoute(ProxyContext ctx, int port, String routeName) {
    Optional<Sidecar> sidecar = ctx.scope().sidecar();
    if (sidecar.isEmpty() || sidecar.get().spec().egress().isEmpty()) {
      return Optional.empty();
    }
    List<IstioEgressListener> listeners = sidecar.get().spec().egress();
    for (IstioEgressListener l : listeners) {
      int p = l.port().flatMap(Port::number).orElse(0);
      if (l.port().isPresent() && p == port && (port != 0 || l.bind().orElse("").equals(routeName))) {
        return Optional.of(l);
      }
    }
    return listeners.stream().filter(l -> l.port().isEmpty()).findFirst();
  }

  /** Whether the listener's port speaks HTTP_PROXY (its routes then gather every port). */
  static boolean httpProxy(Optional<IstioEgressListener> l) {
    return l.flatMap(IstioEgressListener::port).flatMap(Port::protocol)
        .map(p -> p.equalsIgnoreCase("HTTP_PROXY")).orElse(false);
  }

  static boolean imports(ProxyContext ctx, IstioEgressListener l, MeshService s) {
    String ns = ctx.proxy().namespace();
    for (String h : l.hosts()) {
      if (matches(ns, h, s.namespace(), s.hostname())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code l} of a proxy in {@code proxyNamespace} imports a host of {@code vs}. */
  static boolean imports(String proxyNamespace, IstioEgressListener l, VirtualService vs) {
    for (String h : l.hosts()) {
      for (String vh : vs.spec().hosts()) {
        if (matches(proxyNamespace, h, vs.namespace(), vh)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(String proxyNamespace, String nsHost, String namespace, String host) {
    // "." is the proxy's namespace, also for the root namespace's default Sidecar (istiod: the config namespace)
    String sidecarNs = proxyNamespace;
    int slash = nsHost.indexOf('/');
    String ns = slash < 0 ? "*" : nsHost.substring(0, slash);
    String pattern = slash < 0 ? nsHost : nsHost.substring(slash + 1);
    if (ns.equals(".")) {
      ns = sidecarNs;
    }
    if (ns.equals("~") || (!ns.equals("*") && !ns.equals(namespace))) {
      return false;
    }
    return HostNames.matches(pattern, host);
  }
}
