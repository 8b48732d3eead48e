package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Legacy secret discovery settings ({@code istio.mesh.v1alpha1.SDS}, deprecated). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableSDS.class)
@JsonDeserialize(as = ImmutableSDS.class)
public interface SDS {
  /** Whether SDS is used. */
  Optional<Boolean> enabled();

  /** Path of the service account token. */
  Optional<String> k8sSaJwtPath();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SDS}. */
  final class Builder extends ImmutableSDS.Builder {}
}
