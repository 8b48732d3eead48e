package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A deprecated add-on component ({@code istio.operator.v1alpha1.ExternalComponentSpec}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableExternalComponentSpec.class)
@JsonDeserialize(as = ImmutableExternalComponentSpec.class)
public interface ExternalComponentSpec {
  /** Whether the component is installed. */
  Optional<Boolean> enabled();

  /** Namespace of the component. */
  Optional<String> namespace();

  /** Free-form settings. */
  @AllowNulls
  Map<String, Object> spec();

  /** Chart of the component. */
  Optional<String> chartPath();

  /** Schema of the settings ({@code google.protobuf.Any}). */
  @AllowNulls
  Map<String, Object> schema();

  /** Kubernetes settings of the component's objects. */
  Optional<KubernetesResourcesSpec> k8s();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExternalComponentSpec}. */
  final class Builder extends ImmutableExternalComponentSpec.Builder {}
}
