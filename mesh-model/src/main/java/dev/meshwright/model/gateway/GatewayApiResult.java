package dev.meshwright.model.gateway;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.networking.Gateway;
import dev.meshwright.api.networking.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * What one conversion produced. Immutable.
 *
 * @param gateways the generated Istio Gateways, one per programmed listener, in generation order
 * @param virtualServices the generated VirtualServices, sorted by {@code namespace/name}
 * @param statuses the status of every input object: GatewayClasses, Gateways, HTTPRoutes, GRPCRoutes,
 *     TLSRoutes, TCPRoutes, each kind in the order the controller processed it
 */
public record GatewayApiResult(List<Gateway> gateways, List<VirtualService> virtualServices,
    List<ObjectStatus> statuses) {
  public GatewayApiResult {
    gateways = List.copyOf(gateways);
    virtualServices = List.copyOf(virtualServices);
    statuses = List.copyOf(statuses);
  }

  /** Gateways followed by VirtualServices, the order Istio's golden files use. */
  public List<IstioResource<?>> config() {
    List<IstioResource<?>> out = new ArrayList<>(gateways);
    out.addAll(virtualServices);
    return out;
  }
}
