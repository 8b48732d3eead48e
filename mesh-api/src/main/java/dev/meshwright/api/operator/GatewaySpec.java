package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Settings of one ingress or egress gateway ({@code istio.operator.v1alpha1.GatewaySpec}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableGatewaySpec.class)
@JsonDeserialize(as = ImmutableGatewaySpec.class)
public interface GatewaySpec {
  /** Whether the gateway is installed. */
  Optional<Boolean> enabled();

  /** Namespace of the gateway. */
  Optional<String> namespace();

  /** Name of the gateway's objects. */
  Optional<String> name();

  /** Labels of the gateway's pods and service. */
  Map<String, String> label();

  /** Image registry of this gateway. */
  Optional<String> hub();

  /** Image tag: a string, or a number as YAML reads {@code tag: 2}. */
  Optional<Object> tag();

  /** Kubernetes settings of the component's objects. */
  Optional<KubernetesResourcesSpec> k8s();

  /** A tag is a string or a number ({@code google.protobuf.Value} in Istio, but nothing else makes sense). */
  @Value.Check
  default void checkTag() {
    Tags.check(tag());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GatewaySpec}. */
  final class Builder extends ImmutableGatewaySpec.Builder {}
}
