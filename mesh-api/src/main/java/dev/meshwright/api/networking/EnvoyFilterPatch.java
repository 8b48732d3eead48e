package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The change an EnvoyFilter patch makes ({@code EnvoyFilter.Patch}): an operation and, except for REMOVE,
 * a value in Envoy's proto-JSON form ({@code google.protobuf.Struct}). Immutable: the value is copied
 * into a deeply unmodifiable map when built.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFilterPatch.class)
@JsonDeserialize(as = ImmutableEnvoyFilterPatch.class)
public interface EnvoyFilterPatch {
  /** What to do with the matched object (required). */
  Optional<Operation> operation();

  /**
   * The Envoy object or fragment, as JSON values (maps, lists, strings, numbers, booleans). Absent and
   * empty differ: {@code value: {}} is an empty but present value.
   */
  Optional<Map<String, Object>> value();

  /** Where an added HTTP filter goes in the chain; overrides INSERT_* positions. */
  Optional<FilterClass> filterClass();

  /** Patch operations. */
  enum Operation {
    INVALID,
    MERGE,
    ADD,
    REMOVE,
    INSERT_BEFORE,
    INSERT_AFTER,
    INSERT_FIRST,
    REPLACE
  }

  /** The position class of an inserted HTTP filter. */
  enum FilterClass {
    UNSPECIFIED,
    AUTHN,
    AUTHZ,
    STATS
  }

  /** Copies the value deeply into unmodifiable collections. */
  @Value.Check
  default EnvoyFilterPatch frozen() {
    if (value().isEmpty() || EnvoyFilterStruct.isFrozen(value().get())) {
      return this;
    }
    return builder().from(this).value(EnvoyFilterStruct.freeze(value().get())).build();
  }

  static EnvoyFilterPatch of(Operation operation, Map<String, Object> value) {
    return builder().operation(operation).value(value).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFilterPatch}. */
  final class Builder extends ImmutableEnvoyFilterPatch.Builder {}
}
