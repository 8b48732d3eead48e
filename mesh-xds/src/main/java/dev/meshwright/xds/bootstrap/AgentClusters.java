package dev.meshwright.xds.bootstrap;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.DnsLookupFamily;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.RoutingPriority;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TcpKeepalive;
import io.envoyproxy.envoy.config.cluster.v3.UpstreamConnectionOptions;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * The static clusters of the bootstrap, named after what they reach: {@code prometheus_stats} (Envoy's admin port),
 * {@code agent} (the agent's status port), {@code sds-grpc} (the agent's SDS socket), {@code xds-grpc} (the agent's
 * xDS proxy socket, {@code <configPath>/XDS}), and the DNS clusters of tracers and telemetry services. Stateless.
 */
final class AgentClusters {
  static final String PROMETHEUS_STATS = "prometheus_stats";
  static final String AGENT = "agent";
  static final String SDS_GRPC = "sds-grpc";
  static final String XDS_GRPC = "xds-grpc";
  static final String SDS_SOCKET = "./var/run/secrets/workload-spiffe-uds/socket";
  static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

  private static final Duration QUARTER_SECOND = Duration.newBuilder().setNanos(250_000_000).build();
  private static final Duration ONE_SECOND = Duration.newBuilder().setSeconds(1).build();
  private static final int XDS_LIMIT = 100_000;

  private AgentClusters() {}

  /** A STATIC cluster to a loopback TCP port. */
  static Cluster loopback(String name, String localhost, int port) {
    SocketAddress socket = SocketAddress.newBuilder().setProtocol(SocketAddress.Protocol.TCP).setAddress(localhost)
        .setPortValue(port).build();
    return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.STATIC).setConnectTimeout(QUARTER_SECOND)
        .setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN)
        .setLoadAssignment(assignment(name, Address.newBuilder().setSocketAddress(socket).build()))
        .build();
  }

  /** {@code sds-grpc}: the agent's SDS server on its Unix socket, over HTTP/2. */
  static Cluster sds() {
    return Cluster.newBuilder().setName(SDS_GRPC).setType(Cluster.DiscoveryType.STATIC)
        .putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, http2())
        .setConnectTimeout(ONE_SECOND).setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN)
        .setLoadAssignment(assignment(SDS_GRPC, pipe(SDS_SOCKET)))
        .build();
  }

  /** {@code xds-grpc}: the agent's xDS proxy on {@code <configPath>/XDS}, one stream per connection, high limits. */
  @SuppressWarnings("deprecation") // max_requests_per_connection is what pilot-agent 1.22 writes
  static Cluster xds(String configPath) {
    CircuitBreakers.Builder limits = CircuitBreakers.newBuilder();
    for (RoutingPriority p : new RoutingPriority[] {RoutingPriority.DEFAULT, RoutingPriority.HIGH}) {
      limits.addThresholds(CircuitBreakers.Thresholds.newBuilder().setPriority(p)
          .setMaxConnections(UInt32Value.of(XDS_LIMIT)).setMaxPendingRequests(UInt32Value.of(XDS_LIMIT))
          .setMaxRequests(UInt32Value.of(XDS_LIMIT)));
    }
    return Cluster.newBuilder().setName(XDS_GRPC).setType(Cluster.DiscoveryType.STATIC)
        .setConnectTimeout(ONE_SECOND).setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN)
        .setLoadAssignment(assignment(XDS_GRPC, pipe(configPath + "/XDS")))
        .setCircuitBreakers(limits)
        .setUpstreamConnectionOptions(UpstreamConnectionOptions.newBuilder()
            .setTcpKeepalive(TcpKeepalive.newBuilder().setKeepaliveTime(UInt32Value.of(300))))
        .setMaxRequestsPerConnection(UInt32Value.of(1))
        .putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, http2())
        .build();
  }

  /** A STRICT_DNS cluster to {@code target} (DNS TTLs respected, 1s connect timeout). */
  @SuppressWarnings("deprecation") // respect_dns_ttl is what pilot-agent 1.22 writes
  static Cluster.Builder strictDns(String name, Addresses.HostPort target, DnsLookupFamily family) {
    return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.STRICT_DNS).setRespectDnsTtl(true)
        .setDnsLookupFamily(family).setConnectTimeout(ONE_SECOND).setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN)
        .setLoadAssignment(assignment(name, target.toAddress()));
  }

  /** Explicit HTTP/2 upstream options, as a typed extension protocol option. */
  static Any http2() {
    return Any.pack(HttpProtocolOptions.newBuilder()
        .setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
            .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
        .build());
  }

  private static ClusterLoadAssignment assignment(String name, Address address) {
    return ClusterLoadAssignment.newBuilder().setClusterName(name)
        .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder()
            .setEndpoint(Endpoint.newBuilder().setAddress(address))))
        .build();
  }

  private static Address pipe(String path) {
    return Address.newBuilder().setPipe(Pipe.newBuilder().setPath(path)).build();
  }
}
