package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The components an {@link IstioOperator} installs ({@code istio.operator.v1alpha1.IstioComponentSetSpec}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIstioComponentSetSpec.class)
@JsonDeserialize(as = ImmutableIstioComponentSetSpec.class)
public interface IstioComponentSetSpec {
  /** CRDs and cluster roles. */
  Optional<BaseComponentSpec> base();

  /** istiod. */
  Optional<ComponentSpec> pilot();

  /** The CNI node agent. */
  Optional<ComponentSpec> cni();

  /** The ambient node proxy. */
  Optional<ComponentSpec> ztunnel();

  /** Resources of a remote cluster served by an external istiod. */
  Optional<ComponentSpec> istiodRemote();

  /** Ingress gateways. */
  List<GatewaySpec> ingressGateways();

  /** Egress gateways. */
  List<GatewaySpec> egressGateways();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link IstioComponentSetSpec}. */
  final class Builder extends ImmutableIstioComponentSetSpec.Builder {}
}
