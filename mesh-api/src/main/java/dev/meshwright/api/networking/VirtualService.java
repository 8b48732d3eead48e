package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io VirtualService: how requests for a set of hosts are matched and routed, at
 * sidecars ({@code mesh}) or at the gateways it names. Immutable.
 *
 * <pre>{@code
 * VirtualService reviews = VirtualService.builder()
 *     .metadata(ObjectMeta.of("reviews", "bookinfo"))
 *     .spec(VirtualServiceSpec.builder()
 *         .addHost("reviews")
 *         .addHttp(HTTPRoute.builder()
 *             .addRoute(HTTPRouteDestination.to(Destination.of("reviews", "v1")))
 *             .build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface VirtualService extends IstioResource<VirtualServiceSpec> {
  ResourceKind<VirtualService, VirtualServiceSpec> KIND =
      ResourceKind.builder(VirtualService.class, VirtualServiceSpec.class)
          .group("networking.istio.io")
          .kind("VirtualService")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new VirtualServiceValidator())
          .build();

  @Override
  VirtualServiceSpec spec();

  @Override
  default ResourceKind<VirtualService, VirtualServiceSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualService}. */
  final class Builder extends ImmutableVirtualService.Builder {}
}
