package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a route's parentRefs against the known parents: section name and port, hostname intersection
 * with the listener (bi-directional wildcard match, namespace restricted by {@code allowedRoutes}) and the
 * listener's allowed kinds. Stateless.
 */
final class ParentResolver {
  private ParentResolver() {}

  /**
   * Every (parentRef, parent) pair of a route, sorted by parentRef, each with its denial reason.
   *
   * @param routeGvk the route's group/version/kind as Istio prints it ({@code gateway.networking.k8s.io/v1beta1/HTTPRoute})
   */
  static List<RouteParent> resolve(Map<String, List<ParentInfo>> parents, List<ParentReference> refs,
      List<String> hostnames, String routeGvk, String localNamespace) {
    List<RouteParent> out = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      ParentReference ref = refs.get(i);
      if (ref == null || ref.getName() == null) {
        continue;
      }
      String kind = ref.getKind() == null ? "Gateway" : ref.getKind();
      String group = ref.getGroup() == null ? GatewayApiObjects.GROUP : ref.getGroup();
      String internalKind;
      if (kind.equals("Gateway") && group.equals(GatewayApiObjects.GROUP)) {
        internalKind = "Gateway";
      } else if (kind.equals("Service") && group.isEmpty()) {
        internalKind = "Service";
      } else if (kind.equals("ServiceEntry") && group.equals("networking.istio.io")) {
        internalKind = "ServiceEntry";
      } else {
        continue;
      }
      String ns = ref.getNamespace() == null ? localNamespace : ref.getNamespace();
      String key = internalKind.equals("Gateway") ? GatewayConverter.gatewayKey(ns, ref.getName()) : ParentInfo.MESH;
      List<ParentInfo> candidates = parents.getOrDefault(key, List.of());
      for (ParentInfo p : candidates) {
        Set<String> banned = new HashSet<>();
        for (ParentInfo other : candidates) {
          if (other != p && other.port == p.port && other.protocol.equals(p.protocol)) {
            banned.add(other.originalHostname);
          }
        }
        banned.remove(p.originalHostname);
        ParentError denied = allowed(p, routeGvk, internalKind, ref, hostnames, localNamespace);
        if (denied == null) {
          p.attach();
        }
        out.add(new RouteParent(p.internalName, internalKind, denied, ref, i, p.originalHostname, banned));
      }
    }
    out.sort(Comparator.comparing(r -> RouteParent.refString(r.reference())));
    return out;
  }

  /** The accepted parents only, sorted by internal name. */
  static List<RouteParent> accepted(List<RouteParent> parents) {
    List<RouteParent> out = new ArrayList<>();
    for (RouteParent p : parents) {
      if (p.denied() == null) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(RouteParent::internalName));
    return out;
  }

  private static ParentError allowed(ParentInfo parent, String routeGvk, String internalKind, ParentReference ref,
      List<String> hostnames, String namespace) {
    if (internalKind.equals("Gateway")) {
      int port = ref.getPort() == null ? 0 : ref.getPort();
      if (port != 0 && port != parent.port) {
        return new ParentError(ParentError.NOT_ACCEPTED, "port " + port + " not found");
      }
      String section = ref.getSectionName() == null ? "" : ref.getSectionName();
      if (!section.isEmpty() && !section.equals(parent.sectionName)) {
        return new ParentError(ParentError.NOT_ACCEPTED, "sectionName \"" + section + "\" not found");
      }
      List<String> hosts = hostnames.isEmpty() ? List.of("*") : hostnames;
      if (!parent.hostnames.isEmpty()) {
        boolean matched = false;
        boolean hostMatched = false;
        outer:
        for (String routeHost : hosts) {
          for (String nsHost : parent.hostnames) {
            int slash = nsHost.indexOf('/');
            String parentNs = nsHost.substring(0, slash);
            String parentHost = nsHost.substring(slash + 1);
            boolean hostMatch = HostNames.matches(parentHost, routeHost);
            boolean nsMatch = parentNs.equals("*") || parentNs.equals(namespace);
            hostMatched |= hostMatch;
            if (hostMatch && nsMatch) {
              matched = true;
              break outer;
            }
          }
        }
        if (!matched) {
          if (hostMatched) {
            return new ParentError(ParentError.NOT_ALLOWED, String.format(
                "hostnames matched parent hostname \"%s\", but namespace \"%s\" is not allowed by the parent",
                parent.originalHostname, namespace));
          }
          return new ParentError(ParentError.NO_HOSTNAME,
              String.format("no hostnames matched parent hostname \"%s\"", parent.originalHostname));
        }
      }
    }
    String routeKind = routeGvk.substring(routeGvk.lastIndexOf('/') + 1);
    String routeGroup = routeGvk.substring(0, routeGvk.indexOf('/'));
    for (RouteGroupKind ak : parent.allowedKinds) {
      if (routeKind.equals(ak.getKind()) && ListenerKinds.group(ak).equals(routeGroup)) {
        return null;
      }
    }
    return new ParentError(ParentError.NOT_ALLOWED, "kind " + routeGvk + " is not allowed");
  }
}
