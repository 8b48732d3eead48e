package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Connection limits toward an upstream host (DestinationRule) or for inbound traffic (Sidecar)
 * ({@code istio.networking.v1alpha3.ConnectionPoolSettings}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConnectionPoolSettings.class)
@JsonDeserialize(as = ImmutableConnectionPoolSettings.class)
public interface ConnectionPoolSettings {
  /** Settings common to HTTP and TCP connections. */
  Optional<TCPSettings> tcp();

  /** HTTP connection pool settings. */
  Optional<HTTPSettings> http();

  /** TCP-level limits ({@code ConnectionPoolSettings.TCPSettings}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTCPSettings.class)
  @JsonDeserialize(as = ImmutableTCPSettings.class)
  interface TCPSettings {
    /** Maximum connections to a destination host. */
    Optional<Integer> maxConnections();

    /** TCP connect timeout. */
    Optional<Duration> connectTimeout();

    /** TCP keepalive probing. */
    Optional<TcpKeepalive> tcpKeepalive();

    /** Longest a connection may live. */
    Optional<Duration> maxConnectionDuration();

    /** How long a connection may stay idle. */
    Optional<Duration> idleTimeout();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link TCPSettings}. */
    final class Builder extends ImmutableTCPSettings.Builder {}
  }

  /** HTTP/1.1 and HTTP/2 limits ({@code ConnectionPoolSettings.HTTPSettings}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableHTTPSettings.class)
  @JsonDeserialize(as = ImmutableHTTPSettings.class)
  interface HTTPSettings {
    /** Maximum requests queued while waiting for a connection. */
    Optional<Integer> http1MaxPendingRequests();

    /** Maximum active requests to a destination. */
    Optional<Integer> http2MaxRequests();

    /** Maximum requests per connection; 1 disables keep-alive. */
    Optional<Integer> maxRequestsPerConnection();

    /** Maximum outstanding retries across the cluster. */
    Optional<Integer> maxRetries();

    /** How long a connection may stay without active requests. */
    Optional<Duration> idleTimeout();

    /** Whether HTTP/1.1 connections are upgraded to HTTP/2. */
    Optional<H2UpgradePolicy> h2UpgradePolicy();

    /** Use the downstream connection's protocol upstream. */
    Optional<Boolean> useClientProtocol();

    /** Maximum concurrent streams per HTTP/2 connection. */
    Optional<Integer> maxConcurrentStreams();

    /** HTTP/2 upgrade policies. */
    enum H2UpgradePolicy {
      DEFAULT,
      DO_NOT_UPGRADE,
      UPGRADE
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link HTTPSettings}. */
    final class Builder extends ImmutableHTTPSettings.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ConnectionPoolSettings}. */
  final class Builder extends ImmutableConnectionPoolSettings.Builder {}
}
