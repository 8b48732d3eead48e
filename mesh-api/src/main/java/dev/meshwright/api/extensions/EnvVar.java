package dev.meshwright.api.extensions;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An environment variable of a Wasm VM ({@code istio.extensions.v1alpha1.EnvVar}): an inline value, or the
 * value of the proxy's own variable of that name. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvVar.class)
@JsonDeserialize(as = ImmutableEnvVar.class)
public interface EnvVar {
  /** The variable name; required. */
  Optional<String> name();

  /** Where the value comes from; INLINE when absent. */
  Optional<EnvValueSource> valueFrom();

  /** The value, for INLINE. */
  Optional<String> value();

  /** Where an environment variable's value comes from. */
  enum EnvValueSource {
    INLINE,
    HOST
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvVar}. */
  final class Builder extends ImmutableEnvVar.Builder {}
}
