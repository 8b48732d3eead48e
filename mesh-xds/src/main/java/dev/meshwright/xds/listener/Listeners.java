package dev.meshwright.xds.listener;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.UInt32Value;
import dev.meshwright.xds.Structs;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.listener.http_inspector.v3.HttpInspector;
import io.envoyproxy.envoy.extensions.filters.listener.original_dst.v3.OriginalDst;
import io.envoyproxy.envoy.extensions.filters.listener.original_src.v3.OriginalSrc;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import java.util.Map;

/**
 * Pure constructors of the Envoy listener pieces istiod uses (addresses, well-known filters, RDS and SDS config
 * sources, the TLS transport socket), shared by the generators and by tests that build expected protos. Stateless
 * and thread-safe; never throws for valid arguments.
 */
public final class Listeners {
  private Listeners() {}

  private static final java.util.regex.Pattern GO_DURATION =
      java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  /** Envoy's name of the TCP proxy network filter. */
  public static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";
  /** Envoy's name of the HTTP connection manager network filter. */
  public static final String HTTP_CONNECTION_MANAGER = "envoy.filters.network.http_connection_manager";
  /** Envoy's name of the TLS inspector listener filter. */
  public static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";
  /** Envoy's name of the HTTP inspector listener filter. */
  public static final String HTTP_INSPECTOR = "envoy.filters.listener.http_inspector";
  /** Envoy's name of the original destination listener filter. */
  public static final String ORIGINAL_DST = "envoy.filters.listener.original_dst";
  /** Envoy's name of the original source listener filter (TPROXY). */
  public static final String ORIGINAL_SRC = "envoy.filters.listener.original_src";
  /** Envoy's name of the TLS transport socket. */
  public static final String TLS_TRANSPORT_SOCKET = "envoy.transport_sockets.tls";
  /** Istio's metadata exchange filter name (network and HTTP). */
  public static final String METADATA_EXCHANGE = "istio.metadata_exchange";
  /** The agent's static cluster serving SDS. */
  public static final String SDS_CLUSTER = "sds-grpc";

  /** {@code ip:port} as a TCP socket address. */
  public static Address socketAddress(String ip, int port) {
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port)).build();
  }

  /** {@code message} packed as {@link Any}. */
  public static Any any(Message message) {
    return Any.pack(message);
  }

  /** A zero duration, which Envoy reads as "disabled" for timeouts. */
  public static Duration zero() {
    return Duration.getDefaultInstance();
  }

  /** The TCP proxy network filter holding {@code proxy}. */
  public static Filter tcpProxyFilter(TcpProxy proxy) {
    return Filter.newBuilder().setName(TCP_PROXY).setTypedConfig(any(proxy)).build();
  }

  /** A TCP proxy to one cluster, with that cluster's name as stat prefix (Istio's default). */
  public static TcpProxy tcpProxy(String cluster) {
    return TcpProxy.newBuilder().setStatPrefix(cluster).setCluster(cluster).build();
  }

  /** The HTTP connection manager network filter holding {@code hcm}. */
  public static Filter hcmFilter(HttpConnectionManager hcm) {
    return Filter.newBuilder().setName(HTTP_CONNECTION_MANAGER).setTypedConfig(any(hcm)).build();
  }

  /** The TLS inspector listener filter, always on. */
  public static ListenerFilter tlsInspector() {
    return TLS_INSPECTOR_FILTER;
  }

  private static final ListenerFilter TLS_INSPECTOR_FILTER = ListenerFilter.newBuilder().setName(TLS_INSPECTOR)
      .setTypedConfig(any(TlsInspector.getDefaultInstance())).build();

  /** The HTTP inspector listener filter, always on. */
  public static ListenerFilter httpInspector() {
    return HTTP_INSPECTOR_FILTER;
  }

  private static final ListenerFilter HTTP_INSPECTOR_FILTER = ListenerFilter.newBuilder().setName(HTTP_INSPECTOR)
      .setTypedConfig(any(HttpInspector.getDefaultInstance())).build();

  /** The original destination listener filter. */
  public static ListenerFilter originalDst() {
    return ORIGINAL_DST_FILTER;
  }

  private static final ListenerFilter ORIGINAL_DST_FILTER = ListenerFilter.newBuilder().setName(ORIGINAL_DST)
      .setTypedConfig(any(OriginalDst.getDefaultInstance())).build();

  /** The original source listener filter Istio adds under TPROXY (mark 1337). */
  public static ListenerFilter originalSrc() {
    return ListenerFilter.newBuilder().setName(ORIGINAL_SRC)
        .setTypedConfig(any(OriginalSrc.newBuilder().setMark(1337).build())).build();
  }

  /** The ADS config source istiod gives RDS: ADS, initial fetch timeout 0, API v3. */
  public static ConfigSource adsConfigSource() {
    return ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
        .setInitialFetchTimeout(zero()).setResourceApiVersion(ApiVersion.V3).build();
  }

  /** RDS of route configuration {@code name} over ADS. */
  public static Rds rds(String name) {
    return Rds.newBuilder().setConfigSource(adsConfigSource()).setRouteConfigName(name).build();
  }

  /**
   * An SDS secret reference to the agent ({@code sds-grpc}), as Istio's {@code ConstructSdsSecretConfig}:
   * {@code default} and {@code ROOTCA} also carry an initial fetch timeout of 0.
   */
  public static SdsSecretConfig sdsSecret(String name) {
    ConfigSource.Builder src = ConfigSource.newBuilder()
        .setApiConfigSource(ApiConfigSource.newBuilder().setApiType(ApiConfigSource.ApiType.GRPC)
            .setSetNodeOnFirstMessageOnly(true).setTransportApiVersion(ApiVersion.V3)
            .addGrpcServices(GrpcService.newBuilder()
                .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(SDS_CLUSTER))))
        .setResourceApiVersion(ApiVersion.V3);
    if (name.equals("default") || name.equals("ROOTCA")) {
      src.setInitialFetchTimeout(zero());
    }
    return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(src).build();
  }

  /** The TLS transport socket terminating with {@code context}. */
  public static TransportSocket downstreamTls(DownstreamTlsContext context) {
    return TransportSocket.newBuilder().setName(TLS_TRANSPORT_SOCKET).setTypedConfig(any(context)).build();
  }

  /** A CIDR range {@code prefix/len}. */
  public static CidrRange cidr(String prefix, int len) {
    return CidrRange.newBuilder().setAddressPrefix(prefix).setPrefixLen(UInt32Value.of(len)).build();
  }

  /** A CIDR from {@code a.b.c.d[/len]} (no length: a host route, /32 or /128). */
  public static CidrRange cidr(String address) {
    int slash = address.indexOf('/');
    if (slash < 0) {
      return cidr(address, address.contains(":") ? 128 : 32);
    }
    return cidr(address.substring(0, slash), Integer.parseInt(address.substring(slash + 1)));
  }

  /** The network metadata exchange filter Istio puts on inbound chains. */
  public static Filter tcpMetadataExchange() {
    return TCP_METADATA_EXCHANGE;
  }

  private static final Filter TCP_METADATA_EXCHANGE = Filter.newBuilder().setName(METADATA_EXCHANGE)
      .setTypedConfig(Structs.typedStruct("type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange",
          Map.of("protocol", "istio-peer-exchange", "enable_discovery", true))).build();

  /**
   * A Go duration string ({@code 1h30m}, {@code 0.5s}, {@code 0}) as a protobuf duration, as node metadata such as
   * {@code IDLE_TIMEOUT} carries it; empty when it does not parse (istiod then ignores the value).
   */
  public static java.util.Optional<Duration> goDuration(String s) {
    if (s.equals("0")) {
      return java.util.Optional.of(zero());
    }
    java.util.regex.Matcher m = GO_DURATION.matcher(s);
    double nanos = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return java.util.Optional.empty();
      }
      end = m.end();
      double v = Double.parseDouble(m.group(1));
      nanos += v * switch (m.group(2)) {
        case "ns" -> 1;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
    }
    if (end == 0 || end != s.length()) {
      return java.util.Optional.empty();
    }
    long total = (long) nanos;
    return java.util.Optional.of(Duration.newBuilder().setSeconds(total / 1_000_000_000L)
        .setNanos((int) (total % 1_000_000_000L)).build());
  }
}
