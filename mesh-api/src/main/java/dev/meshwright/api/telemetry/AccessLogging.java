package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Access logging settings of a {@link Telemetry} ({@code istio.telemetry.v1alpha1.AccessLogging}): the
 * providers, a traffic direction, an on/off switch and a CEL filter. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAccessLogging.class)
@JsonDeserialize(as = ImmutableAccessLogging.class)
public interface AccessLogging {
  /** Which traffic direction this applies to; both when absent. */
  Optional<LogSelector> match();

  /** The providers these settings apply to; the mesh default providers when empty. */
  List<ProviderRef> providers();

  /** Whether logging is off. */
  Optional<Boolean> disabled();

  /** Only requests matching this filter are logged. */
  Optional<Filter> filter();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AccessLogging}. */
  final class Builder extends ImmutableAccessLogging.Builder {}

  /** Selects the traffic direction of an access log entry ({@code AccessLogging.LogSelector}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLogSelector.class)
  @JsonDeserialize(as = ImmutableLogSelector.class)
  interface LogSelector {
    Optional<WorkloadMode> mode();

    static LogSelector of(WorkloadMode mode) {
      return builder().mode(mode).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link LogSelector}. */
    final class Builder extends ImmutableLogSelector.Builder {}
  }

  /** A CEL expression a request must match to be logged ({@code AccessLogging.Filter}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableFilter.class)
  @JsonDeserialize(as = ImmutableFilter.class)
  interface Filter {
    /** The CEL expression, e.g. {@code response.code >= 400}. */
    Optional<String> expression();

    static Filter of(String expression) {
      return builder().expression(expression).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Filter}. */
    final class Builder extends ImmutableFilter.Builder {}
  }
}
