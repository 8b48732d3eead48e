package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * TCP keepalive settings ({@code ConnectionPoolSettings.TCPSettings.TcpKeepalive}), used by
 * DestinationRule connection pools and by MeshConfig. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcpKeepalive.class)
@JsonDeserialize(as = ImmutableTcpKeepalive.class)
public interface TcpKeepalive {
  /** Unanswered probes before the connection is dropped. */
  Optional<Integer> probes();

  /** Idle time before the first probe. */
  Optional<Duration> time();

  /** Time between probes. */
  Optional<Duration> interval();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TcpKeepalive}. */
  final class Builder extends ImmutableTcpKeepalive.Builder {}
}
