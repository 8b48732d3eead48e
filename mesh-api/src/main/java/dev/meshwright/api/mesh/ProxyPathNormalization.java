package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How request paths are normalised before routing and authorization ({@code MeshConfig.ProxyPathNormalization}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProxyPathNormalization.class)
@JsonDeserialize(as = ImmutableProxyPathNormalization.class)
public interface ProxyPathNormalization {
  /** The normalisation. */
  Optional<NormalizationType> normalization();

  /** Normalisations, each including the previous. */
  enum NormalizationType {
    DEFAULT,
    NONE,
    BASE,
    MERGE_SLASHES,
    DECODE_AND_MERGE_SLASHES
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxyPathNormalization}. */
  final class Builder extends ImmutableProxyPathNormalization.Builder {}
}
