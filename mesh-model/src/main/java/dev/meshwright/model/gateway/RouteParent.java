package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.Set;

/**
 * One (route parentRef, parent) pair: a route's reference resolved against one listener or the mesh.
 *
 * @param internalName the parent's internal name ({@code ns/<istio gateway>} or {@code mesh})
 * @param internalKind {@code Gateway}, {@code Service} or {@code ServiceEntry}
 * @param denied why binding failed, or null
 * @param reference the route's original parentRef
 * @param refIndex the position of that parentRef in the route (identity for status merging)
 * @param hostname the listener's hostname as written (empty when none)
 * @param bannedHostnames hostnames of other listeners on the same port and protocol
 */
record RouteParent(String internalName, String internalKind, ParentError denied, ParentReference reference,
    int refIndex, String hostname, Set<String> bannedHostnames) {

  boolean isMesh() {
    return ParentInfo.MESH.equals(internalName);
  }

  /** Whether a route hostname may attach here given more specific listeners on the same port. */
  boolean hostnameAllowedByIsolation(String routeHost) {
    if (!hostname.isEmpty() && !HostNames.isWildcarded(hostname)) {
      return true;
    }
    if (!hostname.isEmpty() && !HostNames.matches(routeHost, hostname)) {
      return false;
    }
    for (String check : bannedHostnames) {
      if (hostname.length() > check.length()) {
        continue;
      }
      if (HostNames.subsetOf(routeHost, check)) {
        return false;
      }
    }
    return true;
  }

  /** Istio's sort key for a parentRef: {@code group/kind/name/section/port.namespace}. */
  static String refString(ParentReference r) {
    return orEmpty(r.getGroup()) + "/" + orEmpty(r.getKind()) + "/" + r.getName() + "/" + orEmpty(r.getSectionName())
        + "/" + (r.getPort() == null ? 0 : r.getPort()) + "." + orEmpty(r.getNamespace());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
