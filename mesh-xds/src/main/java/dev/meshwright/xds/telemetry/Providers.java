package dev.meshwright.xds.telemetry;

import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.cluster.ClusterNames;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import java.util.List;
import java.util.Optional;

/**
 * Extension providers as istiod resolves them for telemetry: by name in the mesh config, and the outbound cluster
 * of the service a provider names. Stateless.
 */
final class Providers {
  private Providers() {}

  /**
   * The collector a provider sends to.
   *
   * @param hostname the service's hostname (the {@code Host} / gRPC authority)
   * @param cluster its {@code outbound|port||hostname} cluster
   */
  record Collector(String hostname, String cluster) {
    /** Envoy's own gRPC client to the collector: its cluster, with the hostname as authority. */
    GrpcService grpcService() {
      return GrpcService.newBuilder().setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(cluster)
          .setAuthority(hostname)).build();
    }
  }

  /** istiod's {@code fetchProvider}: the mesh's extension provider of that name, ignoring case. */
  static Optional<ExtensionProvider> find(MeshConfig mesh, String name) {
    return mesh.extensionProviders().stream().filter(p -> p.name().orElse("").equalsIgnoreCase(name)).findFirst();
  }

  /**
   * istiod's {@code LookupCluster}: {@code service} is {@code namespace/hostname}, or a hostname only one namespace
   * has; the error says why none is found.
   */
  static Collector collector(MeshSnapshot snapshot, String service, int port) throws ProviderException {
    if (service.isEmpty()) {
      throw new ProviderException("service must not be empty");
    }
    int slash = service.indexOf('/');
    if (slash >= 0 && service.indexOf('/', slash + 1) < 0) {
      Optional<MeshService> svc =
          snapshot.registry().service(service.substring(slash + 1), service.substring(0, slash));
      if (svc.isPresent()) {
        return new Collector(svc.get().hostname(), ClusterNames.outbound(port, "", svc.get().hostname()));
      }
    } else {
      List<MeshService> all = snapshot.registry().services(service);
      List<String> namespaces = all.stream().map(MeshService::namespace).distinct().sorted().toList();
      if (namespaces.size() == 1) {
        return new Collector(all.get(0).hostname(), ClusterNames.outbound(port, "", all.get(0).hostname()));
      }
      if (namespaces.size() > 1) {
        throw new ProviderException("found " + service + " in multiple namespaces " + namespaces
            + ", specify the namespace explicitly in the format of <Namespace>/<Hostname>");
      }
    }
    throw new ProviderException("could not find service " + service + " in Istio service registry");
  }

  /** A provider that cannot be configured (istiod logs it and leaves the feature off). */
  static final class ProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    ProviderException(String message) {
      super(message);
    }
  }
}
