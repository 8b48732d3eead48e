package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Faults injected into matched requests to test resilience
 * ({@code istio.networking.v1alpha3.HTTPFaultInjection}): a delay, an abort, or both. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPFaultInjection.class)
@JsonDeserialize(as = ImmutableHTTPFaultInjection.class)
public interface HTTPFaultInjection {
  /** Delay requests before forwarding them. */
  Optional<Delay> delay();

  /** Fail requests without forwarding them. */
  Optional<Abort> abort();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPFaultInjection}. */
  final class Builder extends ImmutableHTTPFaultInjection.Builder {}

  /**
   * A delay fault ({@code HTTPFaultInjection.Delay}); at most one of {@link #fixedDelay()} and
   * {@link #exponentialDelay()}. Immutable.
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDelay.class)
  @JsonDeserialize(as = ImmutableDelay.class)
  interface Delay {
    /** The whole percentage of requests delayed; deprecated in favour of {@link #percentage()}. */
    Optional<Integer> percent();

    /** A fixed delay. */
    Optional<Duration> fixedDelay();

    /** An exponential delay (not supported by Istio yet). */
    Optional<Duration> exponentialDelay();

    /** The share of requests delayed; all when absent. */
    Optional<Percent> percentage();

    @Value.Check
    default void checkDelayType() {
      if (fixedDelay().isPresent() && exponentialDelay().isPresent()) {
        throw new IllegalStateException("Delay: only one of fixedDelay and exponentialDelay may be set");
      }
    }

    /** A fixed delay of every request. */
    static Delay fixed(Duration delay) {
      return builder().fixedDelay(delay).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Delay}. */
    final class Builder extends ImmutableDelay.Builder {}
  }

  /**
   * An abort fault ({@code HTTPFaultInjection.Abort}); at most one of {@link #httpStatus()},
   * {@link #grpcStatus()} and {@link #http2Error()}. Immutable.
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableAbort.class)
  @JsonDeserialize(as = ImmutableAbort.class)
  interface Abort {
    /** Abort with this HTTP status. */
    Optional<Integer> httpStatus();

    /** Abort with this gRPC status name ({@code UNAVAILABLE}, ...). */
    Optional<String> grpcStatus();

    /** Abort with this HTTP/2 error (not supported by Istio yet). */
    Optional<String> http2Error();

    /** The share of requests aborted; all when absent. */
    Optional<Percent> percentage();

    @Value.Check
    default void checkErrorType() {
      int set = (httpStatus().isPresent() ? 1 : 0) + (grpcStatus().isPresent() ? 1 : 0)
          + (http2Error().isPresent() ? 1 : 0);
      if (set > 1) {
        throw new IllegalStateException(
            "Abort: only one of httpStatus, grpcStatus and http2Error may be set");
      }
    }

    /** Aborts every request with {@code status}. */
    static Abort httpStatus(int status) {
      return builder().httpStatus(status).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Abort}. */
    final class Builder extends ImmutableAbort.Builder {}
  }
}
