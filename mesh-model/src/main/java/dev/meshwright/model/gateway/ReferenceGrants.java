package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantFrom;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantTo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The index of ReferenceGrants: which kind in which namespace may reference Secrets or Services in
 * another namespace. Kinds Istio does not handle are skipped (they may belong to another controller).
 * Immutable after construction.
 */
final class ReferenceGrants {
  private final Map<String, Grant> grants = new HashMap<>();

  ReferenceGrants(List<ReferenceGrant> objects) {
    for (ReferenceGrant rg : objects) {
      if (rg.getSpec() == null) {
        continue;
      }
      String toNamespace = Fabric8Meta.namespace(rg.getMetadata());
      for (ReferenceGrantFrom from : rg.getSpec().getFrom()) {
        String fromKind = fromKind(from);
        if (fromKind == null) {
          continue;
        }
        for (ReferenceGrantTo to : rg.getSpec().getTo()) {
          String toKind = toKind(to);
          if (toKind == null) {
            continue;
          }
          Grant g = grants.computeIfAbsent(key(fromKind, from.getNamespace(), toKind, toNamespace), k -> new Grant());
          if (to.getName() == null) {
            g.all = true;
          } else {
            g.names.add(to.getName());
          }
        }
      }
    }
  }

  private static String fromKind(ReferenceGrantFrom from) {
    if (!GatewayApiObjects.GROUP.equals(from.getGroup())) {
      return null;
    }
    return switch (String.valueOf(from.getKind())) {
      case "Gateway", "HTTPRoute", "TLSRoute", "TCPRoute" -> from.getKind();
      default -> null;
    };
  }

  private static String toKind(ReferenceGrantTo to) {
    boolean core = to.getGroup() == null || to.getGroup().isEmpty();
    if (!core) {
      return null;
    }
    return switch (String.valueOf(to.getKind())) {
      case "Secret", "Service" -> to.getKind();
      default -> null;
    };
  }

  private static String key(String fromKind, String fromNs, String toKind, String toNs) {
    return fromKind + "|" + fromNs + "|" + toKind + "|" + toNs;
  }

  /** Whether a Gateway in {@code gatewayNamespace} may use secret {@code ns/name}. */
  boolean secretAllowed(String secretNamespace, String name, String gatewayNamespace) {
    Grant g = grants.get(key("Gateway", gatewayNamespace, "Secret", secretNamespace));
    return g != null && (g.all || g.names.contains(name));
  }

  /** Whether a route of {@code routeKind} in {@code routeNamespace} may send to service {@code ns/name}. */
  boolean backendAllowed(String routeKind, String name, String backendNamespace, String routeNamespace) {
    Grant g = grants.get(key(routeKind, routeNamespace, "Service", backendNamespace));
    return g != null && (g.all || g.names.contains(name));
  }

  private static final class Grant {
    private boolean all;
    private final Set<String> names = new HashSet<>();
  }
}
