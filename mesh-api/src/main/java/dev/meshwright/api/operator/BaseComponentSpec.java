package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Settings of the base component ({@code istio.operator.v1alpha1.BaseComponentSpec}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableBaseComponentSpec.class)
@JsonDeserialize(as = ImmutableBaseComponentSpec.class)
public interface BaseComponentSpec {
  /** Whether the component is installed. */
  Optional<Boolean> enabled();

  /** Kubernetes settings of the component's objects. */
  Optional<KubernetesResourcesSpec> k8s();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BaseComponentSpec}. */
  final class Builder extends ImmutableBaseComponentSpec.Builder {}
}
