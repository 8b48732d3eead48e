package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One patch of an {@link EnvoyFilter} ({@code EnvoyFilter.EnvoyConfigObjectPatch}): the kind of Envoy
 * object it changes, which of them, and the change. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterConfigObjectPatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterConfigObjectPatch.class)
public interface EnvoyFilterConfigObjectPatch {
  /** The kind of Envoy object patched (required). */
  Optional<EnvoyFilterSpec.ApplyTo> applyTo();

  /** Which objects are patched; all of the kind when absent. */
  Optional<EnvoyFilterConfigObjectMatch> match();

  /** The change (required). */
  Optional<EnvoyFilterPatch> patch();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterConfigObjectPatch}. */
  final class Builder extends ImmutableEnvoyFilterConfigObjectPatch.Builder {}
}
