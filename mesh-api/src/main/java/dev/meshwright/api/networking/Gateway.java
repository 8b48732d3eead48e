package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io Gateway: the ports, hosts and TLS settings of a standalone edge proxy. Immutable.
 *
 * <pre>{@code
 * Gateway gw = Gateway.builder()
 *     .metadata(ObjectMeta.of("bookinfo-gateway", "default"))
 *     .spec(GatewaySpec.builder()
 *         .putSelector("istio", "ingressgateway")
 *         .addServer(Server.builder().port(Port.of(80, "HTTP", "http")).addHost("*").build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface Gateway extends IstioResource<GatewaySpec> {
  ResourceKind<Gateway, GatewaySpec> KIND =
      ResourceKind.builder(Gateway.class, GatewaySpec.class)
          .group("networking.istio.io")
          .kind("Gateway")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new GatewayValidator())
          .build();

  @Override
  GatewaySpec spec();

  @Override
  default ResourceKind<Gateway, GatewaySpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Gateway}. */
  final class Builder extends ImmutableGateway.Builder {}
}
