package dev.meshwright.xds.cluster;

import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import com.github.udpa.udpa.type.v1.TypedStruct;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.Filter;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.BindConfig;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.List;

/**
 * Pure constructors of Envoy clusters and their parts as istiod 1.22.8 shapes them: the EDS config over ADS, the
 * default circuit breakers, the catch-all clusters ({@code BlackHoleCluster}, {@code PassthroughCluster},
 * {@code InboundPassthroughClusterIpv4/6}), the metadata-exchange cluster filter and the {@code istio} filter
 * metadata. Shared by the generators and their tests. Thread-safe.
 */
public final class Clusters {
  private Clusters() {}

  /** The key of HTTP protocol options in {@code typedExtensionProtocolOptions}. */
  public static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";
  /** The filter metadata key Istio uses. */
  public static final String ISTIO_METADATA = "istio";
  /** The source address inbound passthrough traffic is sent from on IPv4. */
  public static final String INBOUND_PASSTHROUGH_BIND_IPV4 = "127.0.0.6";
  /** The source address inbound passthrough traffic is sent from on IPv6. */
  public static final String INBOUND_PASSTHROUGH_BIND_IPV6 = "::6";
  /** Envoy's "no limit" for circuit breakers. */
  public static final int MAX_UINT32 = -1;

  /** EDS from the ADS stream under the cluster's own name, without an initial fetch timeout. */
  public static Cluster.EdsClusterConfig edsConfig(String serviceName) {
    return Cluster.EdsClusterConfig.newBuilder()
        .setServiceName(serviceName)
        .setEdsConfig(ConfigSource.newBuilder()
            .setAds(AggregatedConfigSource.getDefaultInstance())
            .setInitialFetchTimeout(com.google.protobuf.Duration.getDefaultInstance())
            .setResourceApiVersion(ApiVersion.V3))
        .build();
  }

  /** Circuit breaker thresholds with every limit at MaxUint32 and remaining counts tracked. */
  public static CircuitBreakers.Thresholds.Builder defaultThresholds() {
    UInt32Value max = UInt32Value.of(MAX_UINT32);
    return CircuitBreakers.Thresholds.newBuilder()
        .setMaxConnections(max).setMaxPendingRequests(max).setMaxRequests(max).setMaxRetries(max)
        .setTrackRemaining(true);
  }

  /** Circuit breakers with {@link #defaultThresholds()}. */
  public static CircuitBreakers defaultCircuitBreakers() {
    return CircuitBreakers.newBuilder().addThresholds(defaultThresholds()).build();
  }

  /** A java duration as a protobuf duration. */
  public static com.google.protobuf.Duration duration(java.time.Duration d) {
    return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  /** {@code BlackHoleCluster}: STATIC without endpoints, round robin. */
  public static Cluster blackHole(java.time.Duration connectTimeout) {
    return Cluster.newBuilder()
        .setName(ClusterNames.BLACK_HOLE)
        .setType(Cluster.DiscoveryType.STATIC)
        .setConnectTimeout(duration(connectTimeout))
        .setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN)
        .build();
  }

  /** Use the downstream protocol: HTTP/1.1 or HTTP/2 with default options. */
  public static HttpProtocolOptions.UseDownstreamHttpConfig useDownstreamHttpConfig() {
    return HttpProtocolOptions.UseDownstreamHttpConfig.newBuilder()
        .setHttpProtocolOptions(Http1ProtocolOptions.getDefaultInstance())
        .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance())
        .build();
  }

  /**
   * {@code PassthroughCluster}: ORIGINAL_DST, CLUSTER_PROVIDED, the downstream protocol with a 5 minute idle
   * timeout, default circuit breakers and the metadata-exchange filter; {@code keepalive} is the mesh TCP
   * keepalive, if any.
   */
  public static Cluster passthrough(java.time.Duration connectTimeout,
      java.util.Optional<io.envoyproxy.envoy.config.core.v3.TcpKeepalive> keepalive) {
    Cluster.Builder b = passthroughBase(ClusterNames.PASSTHROUGH, connectTimeout, keepalive);
    b.addFilters(metadataExchangeFilter());
    return b.build();
  }

  /** {@code InboundPassthroughClusterIpv4} or {@code ...Ipv6}: the passthrough shape bound to {@code bindIp}. */
  public static Cluster inboundPassthrough(String name, String bindIp, java.time.Duration connectTimeout,
      java.util.Optional<io.envoyproxy.envoy.config.core.v3.TcpKeepalive> keepalive) {
    return passthroughBase(name, connectTimeout, keepalive).setUpstreamBindConfig(bind(bindIp)).build();
  }

  private static Cluster.Builder passthroughBase(String name, java.time.Duration connectTimeout,
      java.util.Optional<io.envoyproxy.envoy.config.core.v3.TcpKeepalive> keepalive) {
    HttpProtocolOptions http = HttpProtocolOptions.newBuilder()
        .setCommonHttpProtocolOptions(io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions.newBuilder()
            .setIdleTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(300)))
        .setUseDownstreamProtocolConfig(useDownstreamHttpConfig())
        .build();
    Cluster.Builder b = Cluster.newBuilder()
        .setName(name)
        .setType(Cluster.DiscoveryType.ORIGINAL_DST)
        .setConnectTimeout(duration(connectTimeout))
        .setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED)
        .putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, Any.pack(http))
        .setCircuitBreakers(defaultCircuitBreakers());
    keepalive.ifPresent(k -> b.setUpstreamConnectionOptions(
        io.envoyproxy.envoy.config.cluster.v3.UpstreamConnectionOptions.newBuilder().setTcpKeepalive(k)));
    return b;
  }

  /** Bind upstream connections to {@code ip} (any port). */
  public static BindConfig bind(String ip) {
    return BindConfig.newBuilder()
        .setSourceAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(0))
        .build();
  }

  /** The {@code istio.metadata_exchange} cluster filter (TCP metadata exchange over {@code istio-peer-exchange}). */
  public static Filter metadataExchangeFilter() {
    return METADATA_EXCHANGE;
  }

  /** Built once: every cluster carries the same filter (protos are immutable). */
  private static final Filter METADATA_EXCHANGE = buildMetadataExchangeFilter();

  private static Filter buildMetadataExchangeFilter() {
    Struct value = Struct.newBuilder()
        .putFields("protocol", Value.newBuilder().setStringValue("istio-peer-exchange").build())
        .putFields("enable_discovery", Value.newBuilder().setBoolValue(true).build())
        .build();
    TypedStruct ts = TypedStruct.newBuilder()
        .setTypeUrl("type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange")
        .setValue(value)
        .build();
    return Filter.newBuilder().setName("istio.metadata_exchange").setTypedConfig(Any.pack(ts)).build();
  }

  /** {@code istio.services} entry of one service: its host, name and namespace. */
  public static Value serviceMetadata(String host, String name, String namespace) {
    return Value.newBuilder().setStructValue(Struct.newBuilder()
        .putFields("host", string(host))
        .putFields("name", string(name))
        .putFields("namespace", string(namespace))).build();
  }

  /** Metadata whose {@code istio} filter metadata lists {@code services}. */
  public static Metadata servicesMetadata(List<Value> services) {
    return Metadata.newBuilder().putFilterMetadata(ISTIO_METADATA, Struct.newBuilder()
        .putFields("services", Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(services)).build())
        .build()).build();
  }

  /** A string value. */
  public static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  /** {@code metadata} with {@code fields} added to its {@code istio} filter metadata (created when absent). */
  public static Metadata withIstioFields(Metadata metadata, java.util.Map<String, Value> fields) {
    Struct istio = metadata.getFilterMetadataOrDefault(ISTIO_METADATA, Struct.getDefaultInstance());
    return metadata.toBuilder().putFilterMetadata(ISTIO_METADATA, istio.toBuilder().putAllFields(fields).build())
        .build();
  }
}
