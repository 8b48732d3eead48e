package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Changes to the selected metrics ({@code istio.telemetry.v1alpha1.MetricsOverrides}): turn them off, or
 * add, change and remove their tags. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMetricsOverrides.class)
@JsonDeserialize(as = ImmutableMetricsOverrides.class)
public interface MetricsOverrides {
  /** The metrics affected; all of them when absent. */
  Optional<MetricSelector> match();

  /** Whether the selected metrics are not generated. */
  Optional<Boolean> disabled();

  /** Tag changes, by tag name. */
  Map<String, TagOverride> tagOverrides();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MetricsOverrides}. */
  final class Builder extends ImmutableMetricsOverrides.Builder {}

  /**
   * A change to one tag ({@code MetricsOverrides.TagOverride}): set it to the value of an expression
   * (UPSERT, the default) or remove it. Immutable.
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTagOverride.class)
  @JsonDeserialize(as = ImmutableTagOverride.class)
  interface TagOverride {
    /** UPSERT when absent. */
    Optional<Operation> operation();

    /** The CEL expression giving the tag value; only with UPSERT. */
    Optional<String> value();

    /** What a tag override does. */
    enum Operation {
      UPSERT,
      REMOVE
    }

    /** An UPSERT of {@code value}. */
    static TagOverride upsert(String value) {
      return builder().operation(Operation.UPSERT).value(value).build();
    }

    /** A REMOVE. */
    static TagOverride remove() {
      return builder().operation(Operation.REMOVE).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link TagOverride}. */
    final class Builder extends ImmutableTagOverride.Builder {}
  }
}
