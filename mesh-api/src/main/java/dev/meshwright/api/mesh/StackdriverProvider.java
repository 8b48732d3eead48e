package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A Stackdriver (Google Cloud) telemetry provider. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableStackdriverProvider.class)
@JsonDeserialize(as = ImmutableStackdriverProvider.class)
public interface StackdriverProvider {
  /** Deprecated. */
  Optional<Boolean> debug();

  /** Deprecated. */
  Optional<Long> maxNumberOfAttributes();

  /** Deprecated. */
  Optional<Long> maxNumberOfAnnotations();

  /** Deprecated. */
  Optional<Long> maxNumberOfMessageEvents();

  /** Longest tag value. */
  Optional<Integer> maxTagLength();

  /** Logging settings. */
  Optional<Logging> logging();

  /** Stackdriver logging settings. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLogging.class)
  @JsonDeserialize(as = ImmutableLogging.class)
  interface Logging {
    /** Extra log labels, values are CEL expressions. */
    Map<String, String> labels();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Logging}. */
    final class Builder extends ImmutableLogging.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link StackdriverProvider}. */
  final class Builder extends ImmutableStackdriverProvider.Builder {}
}
