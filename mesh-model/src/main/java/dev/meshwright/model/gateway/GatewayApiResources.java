package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.ServiceEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gateway API objects (and Istio ServiceEntries) one conversion reads, each kind in input order.
 * Objects of older API versions are normalised to fabric8's {@code v1} classes first
 * ({@link GatewayApiObjects}); the apiVersion they were written in is kept on the object and echoed in status.
 *
 * <p>The lists are unmodifiable; the fabric8 objects in them are mutable by nature, and the translator
 * never changes them. Not thread-safe if callers mutate the objects concurrently.
 */
public record GatewayApiResources(
    List<GatewayClass> gatewayClasses,
    List<Gateway> gateways,
    List<HTTPRoute> httpRoutes,
    List<GRPCRoute> grpcRoutes,
    List<TCPRoute> tcpRoutes,
    List<TLSRoute> tlsRoutes,
    List<ReferenceGrant> referenceGrants,
    List<ServiceEntry> serviceEntries) {

  public GatewayApiResources {
    gatewayClasses = List.copyOf(gatewayClasses);
    gateways = List.copyOf(gateways);
    httpRoutes = List.copyOf(httpRoutes);
    grpcRoutes = List.copyOf(grpcRoutes);
    tcpRoutes = List.copyOf(tcpRoutes);
    tlsRoutes = List.copyOf(tlsRoutes);
    referenceGrants = List.copyOf(referenceGrants);
    serviceEntries = List.copyOf(serviceEntries);
  }

  /** A builder that sorts objects into their kind's list. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects objects by kind, in the order they are added. Not thread-safe. */
  public static final class Builder {
    private final List<GatewayClass> classes = new ArrayList<>();
    private final List<Gateway> gateways = new ArrayList<>();
    private final List<HTTPRoute> http = new ArrayList<>();
    private final List<GRPCRoute> grpc = new ArrayList<>();
    private final List<TCPRoute> tcp = new ArrayList<>();
    private final List<TLSRoute> tls = new ArrayList<>();
    private final List<ReferenceGrant> grants = new ArrayList<>();
    private final List<ServiceEntry> serviceEntries = new ArrayList<>();

    private Builder() {}

    /**
     * Adds one Gateway API object; objects of older versions are converted to their {@code v1} class
     * first, other objects are ignored.
     *
     * @return whether the object is one of the kinds the conversion reads
     */
    public boolean add(HasMetadata input) {
      HasMetadata obj = GatewayApiObjects.toV1(input).orElse(null);
      if (obj instanceof GatewayClass c) {
        classes.add(c);
      } else if (obj instanceof Gateway g) {
        gateways.add(g);
      } else if (obj instanceof HTTPRoute r) {
        http.add(r);
      } else if (obj instanceof GRPCRoute r) {
        grpc.add(r);
      } else if (obj instanceof TCPRoute r) {
        tcp.add(r);
      } else if (obj instanceof TLSRoute r) {
        tls.add(r);
      } else if (obj instanceof ReferenceGrant g) {
        grants.add(g);
      } else {
        return false;
      }
      return true;
    }

    /** Adds a ServiceEntry that mesh parentRefs may name. */
    public Builder addServiceEntry(ServiceEntry se) {
      serviceEntries.add(se);
      return this;
    }

    /** The collected resources. */
    public GatewayApiResources build() {
      return new GatewayApiResources(classes, gateways, http, grpc, tcp, tls, grants, serviceEntries);
    }
  }
}
