package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.PortSelector;

/**
 * Resolves one backendRef to an Istio destination: Service, ServiceImport or the Istio {@code Hostname}
 * kind, with the ReferenceGrant check for cross-namespace references. Stateless.
 */
final class Destinations {
  private Destinations() {}

  /**
   * A resolved destination.
   *
   * @param destination the destination; an empty one for a dropped invalid backend; null on a hard error
   * @param error the problem, or null
   */
  record Resolved(Destination destination, ConfigError error) {
    boolean hard() {
      return destination == null;
    }
  }

  static Resolved resolve(ConversionContext ctx, Backend to, String ns, boolean enforceRefGrant, String routeKind) {
    if (enforceRefGrant && to.namespace() != null && !to.namespace().equals(ns)
        && !ctx.grants().backendAllowed(routeKind, to.name(), to.namespace(), ns)) {
      return new Resolved(Destination.builder().build(), new ConfigError(ConfigError.REF_NOT_PERMITTED, String.format(
          "backendRef %s/%s not accessible to a %s in namespace \"%s\" (missing a ReferenceGrant?)",
          to.name(), to.namespace(), routeKind, ns)));
    }
    String namespace = to.namespace() == null ? ns : to.namespace();
    if (Fabric8Meta.nullOrEqual(to.group(), "") && Fabric8Meta.nullOrEqual(to.kind(), "Service")) {
      return service(ctx, to, namespace, to.name() + "." + namespace + ".svc." + ctx.domain());
    }
    if (Fabric8Meta.nullOrEqual(to.group(), "multicluster.x-k8s.io") && Fabric8Meta.nullOrEqual(to.kind(), "ServiceImport")) {
      return service(ctx, to, namespace, to.name() + "." + namespace + ".svc." + ctx.domain());
    }
    if (Fabric8Meta.nullOrEqual(to.group(), "networking.istio.io") && Fabric8Meta.nullOrEqual(to.kind(), "Hostname")) {
      if (to.port() == null) {
        return hard(ConfigError.INVALID_DESTINATION, "port is required in backendRef");
      }
      if (to.namespace() != null) {
        return hard(ConfigError.INVALID_DESTINATION, "namespace may not be set with Hostname type");
      }
      return found(ctx, to, namespace, to.name());
    }
    return new Resolved(Destination.builder().build(), new ConfigError(ConfigError.INVALID_KIND, String.format(
        "referencing unsupported backendRef: group \"%s\" kind \"%s\"",
        to.group() == null ? "" : to.group(), to.kind() == null ? "" : to.kind())));
  }

  private static Resolved service(ConversionContext ctx, Backend to, String namespace, String hostname) {
    if (to.port() == null) {
      return hard(ConfigError.INVALID_DESTINATION, "port is required in backendRef");
    }
    if (to.name().contains(".")) {
      return hard(ConfigError.INVALID_DESTINATION,
          "serviceName invalid; the name of the Service must be used, not the hostname.");
    }
    return found(ctx, to, namespace, hostname);
  }

  private static Resolved found(ConversionContext ctx, Backend to, String namespace, String hostname) {
    ConfigError err = ctx.env().services().find(hostname, namespace) == null
        ? new ConfigError(ConfigError.BACKEND_NOT_FOUND, "backend(" + hostname + ") not found")
        : null;
    return new Resolved(Destination.builder().host(hostname).port(PortSelector.of(to.port())).build(), err);
  }

  private static Resolved hard(String reason, String message) {
    return new Resolved(null, new ConfigError(reason, message));
  }
}
