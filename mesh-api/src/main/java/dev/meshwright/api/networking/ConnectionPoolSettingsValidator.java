package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.ConnectionPoolSettings.HTTPSettings;
import dev.meshwright.api.networking.ConnectionPoolSettings.HTTPSettings.H2UpgradePolicy;
import dev.meshwright.api.networking.ConnectionPoolSettings.TCPSettings;
import dev.meshwright.api.validation.Checks;
import java.time.Duration;
import java.util.Optional;

/** Istio's connection pool rules ({@code validateConnectionPool}), used by DestinationRule and Sidecar. Stateless. */
final class ConnectionPoolSettingsValidator {
  private ConnectionPoolSettingsValidator() {}

  static void validate(ConnectionPoolSettings settings, Problems p) {
    if (settings.http().isEmpty() && settings.tcp().isEmpty()) {
      p.error("connection pool must have at least one field");
      return;
    }
    settings.http().ifPresent(http -> http(http, p.at("http")));
    settings.tcp().ifPresent(tcp -> tcp(tcp, p.at("tcp")));
  }

  private static void http(HTTPSettings http, Problems p) {
    nonNegative(http.http1MaxPendingRequests(), p.at("http1MaxPendingRequests"),
        "http1 max pending requests must be non-negative");
    nonNegative(http.http2MaxRequests(), p.at("http2MaxRequests"), "http2 max requests must be non-negative");
    nonNegative(http.maxRequestsPerConnection(), p.at("maxRequestsPerConnection"),
        "max requests per connection must be non-negative");
    nonNegative(http.maxRetries(), p.at("maxRetries"), "max retries must be non-negative");
    duration(http.idleTimeout(), p.at("idleTimeout"));
    if (http.h2UpgradePolicy().orElse(H2UpgradePolicy.DEFAULT) == H2UpgradePolicy.UPGRADE
        && http.useClientProtocol().orElse(false)) {
      p.at("useClientProtocol").error("use client protocol must not be true when H2UpgradePolicy is UPGRADE");
    }
    nonNegative(http.maxConcurrentStreams(), p.at("maxConcurrentStreams"),
        "max concurrent streams must be non-negative");
  }

  private static void tcp(TCPSettings tcp, Problems p) {
    nonNegative(tcp.maxConnections(), p.at("maxConnections"), "max connections must be non-negative");
    duration(tcp.connectTimeout(), p.at("connectTimeout"));
    duration(tcp.maxConnectionDuration(), p.at("maxConnectionDuration"));
  }

  private static void nonNegative(Optional<Integer> value, Problems p, String message) {
    if (value.orElse(0) < 0) {
      p.error(message);
    }
  }

  static void duration(Optional<Duration> d, Problems p) {
    d.ifPresent(v -> Checks.duration(v, p));
  }
}
