package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the proxy of a VM workload checks readiness ({@code istio.networking.v1alpha3.ReadinessProbe}): the
 * timings plus exactly one method, {@link #httpGet()}, {@link #tcpSocket()} or {@link #exec()}. Setting
 * two methods fails at build time with an {@link IllegalStateException}. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReadinessProbe.class)
@JsonDeserialize(as = ImmutableReadinessProbe.class)
public interface ReadinessProbe {
  /** Seconds after start before the first probe. */
  Optional<Integer> initialDelaySeconds();

  /** Seconds after which one probe times out. */
  Optional<Integer> timeoutSeconds();

  /** Seconds between probes. */
  Optional<Integer> periodSeconds();

  /** Consecutive successes needed to count as ready after a failure. */
  Optional<Integer> successThreshold();

  /** Consecutive failures needed to count as not ready after a success. */
  Optional<Integer> failureThreshold();

  /** Probe with an HTTP GET. */
  Optional<HTTPHealthCheckConfig> httpGet();

  /** Probe by opening a TCP connection. */
  Optional<TCPHealthCheckConfig> tcpSocket();

  /** Probe by running a command. */
  Optional<ExecHealthCheckConfig> exec();

  /** The oneof {@code health_check_method}: at most one method. */
  @Value.Check
  default void checkOneMethod() {
    List<String> set = new ArrayList<>();
    httpGet().ifPresent(x -> set.add("httpGet"));
    tcpSocket().ifPresent(x -> set.add("tcpSocket"));
    exec().ifPresent(x -> set.add("exec"));
    if (set.size() > 1) {
      throw new IllegalStateException("ReadinessProbe: only one of httpGet, tcpSocket, exec may be set, got " + set);
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReadinessProbe}. */
  final class Builder extends ImmutableReadinessProbe.Builder {}
}
