package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Names a telemetry provider declared in the mesh config's extension providers ({@code ProviderRef}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableProviderRef.class)
@JsonDeserialize(as = ImmutableProviderRef.class)
public interface ProviderRef {
  /** The provider name; required. */
  Optional<String> name();

  /** A reference to provider {@code name}. */
  static ProviderRef of(String name) {
    return builder().name(name).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProviderRef}. */
  final class Builder extends ImmutableProviderRef.Builder {}
}
