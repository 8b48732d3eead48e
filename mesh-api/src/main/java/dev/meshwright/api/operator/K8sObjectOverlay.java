package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Patches for one rendered Kubernetes object, picked by kind and name ({@code
 * istio.operator.v1alpha1.K8sObjectOverlay}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableK8sObjectOverlay.class)
@JsonDeserialize(as = ImmutableK8sObjectOverlay.class)
public interface K8sObjectOverlay {
  /** API version of the object. */
  Optional<String> apiVersion();

  /** Kind of the object. */
  Optional<String> kind();

  /** Name of the object. */
  Optional<String> name();

  /** The patches, applied in order. */
  List<PathValue> patches();

  /** One patch: a path into the object and the value to set there (no value deletes). */
  @Value.Immutable
  @JsonSerialize(as = ImmutablePathValue.class)
  @JsonDeserialize(as = ImmutablePathValue.class)
  interface PathValue {
    /** Path such as {@code spec.template.spec.containers.[name:discovery].args[0]}. */
    Optional<String> path();

    /** The value; absent or null removes the path. */
    Optional<Object> value();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link PathValue}. */
    final class Builder extends ImmutablePathValue.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link K8sObjectOverlay}. */
  final class Builder extends ImmutableK8sObjectOverlay.Builder {}
}
