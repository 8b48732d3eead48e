package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of a core component: pilot, cni, ztunnel or istiodRemote ({@code
 * istio.operator.v1alpha1.ComponentSpec}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableComponentSpec.class)
@JsonDeserialize(as = ImmutableComponentSpec.class)
public interface ComponentSpec {
  /** Whether the component is installed. */
  Optional<Boolean> enabled();

  /** Namespace of the component's objects. */
  Optional<String> namespace();

  /** Image registry of this component. */
  Optional<String> hub();

  /** Image tag: a string, or a number as YAML reads {@code tag: 2}. */
  Optional<Object> tag();

  /** Free-form component settings. */
  @AllowNulls
  Map<String, Object> spec();

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

  /** Builds {@link ComponentSpec}. */
  final class Builder extends ImmutableComponentSpec.Builder {}
}
