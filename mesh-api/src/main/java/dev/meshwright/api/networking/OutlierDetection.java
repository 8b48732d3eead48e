package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Ejects unhealthy hosts from the load-balancing pool ({@code istio.networking.v1alpha3.OutlierDetection}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOutlierDetection.class)
@JsonDeserialize(as = ImmutableOutlierDetection.class)
public interface OutlierDetection {
  /** Deprecated: use {@link #consecutiveGatewayErrors()} or {@link #consecutive5xxErrors()}. */
  Optional<Integer> consecutiveErrors();

  /** Treat locally originated failures separately from upstream ones. */
  Optional<Boolean> splitExternalLocalOriginErrors();

  /** Local-origin failures before ejection; needs {@link #splitExternalLocalOriginErrors()}. */
  Optional<Integer> consecutiveLocalOriginFailures();

  /** 502/503/504 errors before ejection. */
  Optional<Integer> consecutiveGatewayErrors();

  /** 5xx errors before ejection. */
  Optional<Integer> consecutive5xxErrors();

  /** Time between ejection sweeps. */
  Optional<Duration> interval();

  /** Minimum ejection duration. */
  Optional<Duration> baseEjectionTime();

  /** Largest percentage of hosts that may be ejected (0..100). */
  Optional<Integer> maxEjectionPercent();

  /** Outlier detection stays on while at least this percentage of hosts is healthy (0..100). */
  Optional<Integer> minHealthPercent();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OutlierDetection}. */
  final class Builder extends ImmutableOutlierDetection.Builder {}
}
