package dev.meshwright.xds.cluster;

import com.google.protobuf.UInt32Value;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.networking.ConnectionPoolSettings;
import dev.meshwright.api.networking.TcpKeepalive;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.UpstreamConnectionOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * A DestinationRule connection pool on a cluster: the connect timeout (mesh default, DR override), circuit
 * breaker thresholds (MaxUint32 unless set), TCP keepalive (mesh, then DR), and the HTTP idle timeout, max
 * requests per connection, max connection duration and max concurrent streams in the HTTP protocol options. Pure.
 */
final class ConnectionPools {
  private ConnectionPools() {}

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  static Duration meshConnectTimeout(MeshConfig mesh) {
    return mesh.connectTimeout().orElse(DEFAULT_CONNECT_TIMEOUT);
  }

  /** The mesh's TCP keepalive as Envoy's, when the mesh sets one. */
  static Optional<io.envoyproxy.envoy.config.core.v3.TcpKeepalive> meshKeepalive(MeshConfig mesh) {
    return mesh.tcpKeepalive().map(k -> merge(io.envoyproxy.envoy.config.core.v3.TcpKeepalive.newBuilder(), k)
        .build());
  }

  static void apply(ClusterDraft d, MeshConfig mesh, Optional<ConnectionPoolSettings> settings) {
    CircuitBreakers.Thresholds.Builder t = Clusters.defaultThresholds();
    Optional<Duration> idle = Optional.empty();
    int maxRequestsPerConnection = 0;
    int maxConcurrentStreams = 0;
    Optional<Duration> maxConnectionDuration = Optional.empty();
    Optional<ConnectionPoolSettings.HTTPSettings> http = settings.flatMap(ConnectionPoolSettings::http);
    if (http.isPresent()) {
      ConnectionPoolSettings.HTTPSettings h = http.get();
      positive(h.http2MaxRequests()).ifPresent(v -> t.setMaxRequests(UInt32Value.of(v)));
      positive(h.http1MaxPendingRequests()).ifPresent(v -> t.setMaxPendingRequests(UInt32Value.of(v)));
      positive(h.maxRetries()).ifPresent(v -> t.setMaxRetries(UInt32Value.of(v)));
      idle = h.idleTimeout();
      maxRequestsPerConnection = h.maxRequestsPerConnection().orElse(0);
      maxConcurrentStreams = h.maxConcurrentStreams().orElse(0);
    }
    d.cluster.setConnectTimeout(Clusters.duration(meshConnectTimeout(mesh)));
    Optional<ConnectionPoolSettings.TCPSettings> tcp = settings.flatMap(ConnectionPoolSettings::tcp);
    if (tcp.isPresent()) {
      ConnectionPoolSettings.TCPSettings s = tcp.get();
      s.connectTimeout().ifPresent(c -> d.cluster.setConnectTimeout(Clusters.duration(c)));
      positive(s.maxConnections()).ifPresent(v -> t.setMaxConnections(UInt32Value.of(v)));
      maxConnectionDuration = s.maxConnectionDuration();
      if (idle.isEmpty()) {
        idle = s.idleTimeout();
      }
    }
    applyKeepalive(d, mesh.tcpKeepalive());
    applyKeepalive(d, tcp.flatMap(ConnectionPoolSettings.TCPSettings::tcpKeepalive));
    d.cluster.setCircuitBreakers(CircuitBreakers.newBuilder().addThresholds(t));
    if (idle.isPresent() || maxConnectionDuration.isPresent() || maxRequestsPerConnection > 0
        || maxConcurrentStreams > 0) {
      HttpProtocolOptions.Builder common = d.http().getCommonHttpProtocolOptionsBuilder();
      idle.ifPresent(i -> common.setIdleTimeout(Clusters.duration(i)));
      if (maxRequestsPerConnection > 0) {
        common.setMaxRequestsPerConnection(UInt32Value.of(maxRequestsPerConnection));
      }
      maxConnectionDuration.ifPresent(m -> common.setMaxConnectionDuration(Clusters.duration(m)));
      if (d.isHttp2() && maxConcurrentStreams > 0) {
        d.http().getExplicitHttpConfigBuilder().getHttp2ProtocolOptionsBuilder()
            .setMaxConcurrentStreams(UInt32Value.of(maxConcurrentStreams));
      }
    }
    if (http.flatMap(ConnectionPoolSettings.HTTPSettings::useClientProtocol).orElse(false)) {
      d.useDownstreamProtocol();
    }
  }

  private static Optional<Integer> positive(Optional<Integer> v) {
    return v.filter(x -> x != 0);
  }

  private static void applyKeepalive(ClusterDraft d, Optional<TcpKeepalive> keepalive) {
    if (keepalive.isEmpty()) {
      return;
    }
    UpstreamConnectionOptions.Builder opts = d.cluster.getUpstreamConnectionOptionsBuilder();
    merge(opts.getTcpKeepaliveBuilder(), keepalive.get());
  }

  private static io.envoyproxy.envoy.config.core.v3.TcpKeepalive.Builder merge(
      io.envoyproxy.envoy.config.core.v3.TcpKeepalive.Builder b, TcpKeepalive k) {
    k.probes().filter(p -> p > 0).ifPresent(p -> b.setKeepaliveProbes(UInt32Value.of(p)));
    k.time().ifPresent(t -> b.setKeepaliveTime(UInt32Value.of((int) t.getSeconds())));
    k.interval().ifPresent(i -> b.setKeepaliveInterval(UInt32Value.of((int) i.getSeconds())));
    return b;
  }

  /**
   * Whether the cluster is upgraded to HTTP/2: the DR's {@code h2UpgradePolicy} (never with
   * {@code useClientProtocol}), else the mesh policy for HTTP ports.
   */
  static boolean shouldUpgradeH2(MeshConfig mesh, boolean httpPort, Optional<ConnectionPoolSettings> settings) {
    Optional<ConnectionPoolSettings.HTTPSettings> http = settings.flatMap(ConnectionPoolSettings::http);
    if (http.isPresent()) {
      if (http.get().useClientProtocol().orElse(false)) {
        return false;
      }
      ConnectionPoolSettings.HTTPSettings.H2UpgradePolicy p =
          http.get().h2UpgradePolicy().orElse(ConnectionPoolSettings.HTTPSettings.H2UpgradePolicy.DEFAULT);
      if (p == ConnectionPoolSettings.HTTPSettings.H2UpgradePolicy.UPGRADE) {
        return true;
      }
      if (p == ConnectionPoolSettings.HTTPSettings.H2UpgradePolicy.DO_NOT_UPGRADE) {
        return false;
      }
    }
    return httpPort && mesh.h2UpgradePolicy().orElse(MeshConfig.H2UpgradePolicy.DO_NOT_UPGRADE)
        == MeshConfig.H2UpgradePolicy.UPGRADE;
  }
}
