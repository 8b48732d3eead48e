package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Tracing settings of a {@link Telemetry} ({@code istio.telemetry.v1alpha1.Tracing}): the provider, the
 * sampling rate and extra span tags. Unset fields inherit from the parent scope. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTracing.class)
@JsonDeserialize(as = ImmutableTracing.class)
public interface Tracing {
  /** Which traffic direction this applies to; both when absent. */
  Optional<TracingSelector> match();

  /** The tracing provider; only one is supported today. */
  List<ProviderRef> providers();

  /** Percentage of requests sampled, 0.0 to 100.0. */
  Optional<Double> randomSamplingPercentage();

  /** Whether spans are not reported (the trace context is still propagated). */
  Optional<Boolean> disableSpanReporting();

  /** Extra tags added to spans, by tag name. */
  Map<String, CustomTag> customTags();

  /** Whether the sampling decision follows the {@code x-request-id} header. */
  Optional<Boolean> useRequestIdForTraceSampling();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Tracing}. */
  final class Builder extends ImmutableTracing.Builder {}

  /** Selects the traffic direction of a tracing entry ({@code Tracing.TracingSelector}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTracingSelector.class)
  @JsonDeserialize(as = ImmutableTracingSelector.class)
  interface TracingSelector {
    Optional<WorkloadMode> mode();

    /** A selector for {@code mode}. */
    static TracingSelector of(WorkloadMode mode) {
      return builder().mode(mode).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link TracingSelector}. */
    final class Builder extends ImmutableTracingSelector.Builder {}
  }

  /** A fixed tag value ({@code Tracing.Literal}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLiteral.class)
  @JsonDeserialize(as = ImmutableLiteral.class)
  interface Literal {
    /** The value; required. */
    Optional<String> value();

    static Literal of(String value) {
      return builder().value(value).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Literal}. */
    final class Builder extends ImmutableLiteral.Builder {}
  }

  /** A tag value from a proxy environment variable ({@code Tracing.Environment}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableEnvironment.class)
  @JsonDeserialize(as = ImmutableEnvironment.class)
  interface Environment {
    /** The variable name; required. */
    Optional<String> name();

    /** The value when the variable is unset. */
    Optional<String> defaultValue();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Environment}. */
    final class Builder extends ImmutableEnvironment.Builder {}
  }

  /** A tag value from a request header ({@code Tracing.RequestHeader}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableRequestHeader.class)
  @JsonDeserialize(as = ImmutableRequestHeader.class)
  interface RequestHeader {
    /** The header name; required. */
    Optional<String> name();

    /** The value when the header is absent. */
    Optional<String> defaultValue();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link RequestHeader}. */
    final class Builder extends ImmutableRequestHeader.Builder {}
  }
}
