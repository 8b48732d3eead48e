package dev.meshwright.xds.gateway;

import dev.meshwright.xds.listener.Listeners;
import com.github.xds.type.v3.TypedStruct;
import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.ProxyPathNormalization.NormalizationType;
import dev.meshwright.api.mesh.Topology;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyConfigs;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.telemetry.AccessLogs;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import dev.meshwright.xds.telemetry.Tracing;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWeb;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.ForwardClientCertDetails;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.request_id.uuid.v3.UuidRequestIdConfig;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.RequestIDExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP connection manager of a gateway filter chain ({@code buildGatewayConnectionManager} plus the common
 * HCM settings, Telemetry-API or mesh-config tracing and access logs included): RDS over ADS,
 * {@code useRemoteAddress: true}, client certificate details SANITIZE_SET (or the
 * ProxyConfig {@code gatewayTopology}'s), {@code xffNumTrustedHops} from {@code gatewayTopology.numTrustedProxies},
 * server name {@code istio-envoy}, websocket upgrades, no stream idle timeout, Istio's path normalization, and the
 * gateway HTTP filters (metadata exchange, the policy filters, gRPC stats, ALPN, fault, CORS, router). Stateless.
 */
public final class GatewayHcm {
  static final String HCM = "envoy.filters.network.http_connection_manager";
  private static final String MX_TYPE = "type.googleapis.com/io.istio.http.peer_metadata.Config";
  private static final String ALPN_TYPE = "type.googleapis.com/istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig";

  private GatewayHcm() {}

  /**
   * The connection manager of one gateway chain.
   *
   * @param statPrefix the stat prefix ({@code outbound_<listener>} unless the server is named)
   * @param routeName the RDS route configuration name
   * @param protocol the server protocol (GRPC-Web adds its filter)
   * @param policy the authorization/authentication filters, placed after metadata exchange
   */
  static HttpConnectionManager build(ProxyContext ctx, String statPrefix, String routeName, ServerProtocol protocol,
      List<HttpFilter> policy) {
    Proxy proxy = ctx.proxy();
    MeshConfig mesh = ctx.meshConfig();
    Tracing.Result tracing = Tracing.of(ctx, ListenerClass.GATEWAY);
    Optional<Topology> topology = ProxyConfigs.effective(proxy, mesh).gatewayTopology();
    ForwardClientCertDetails xfcc = topology.flatMap(Topology::forwardClientCertDetails)
        .filter(f -> f != dev.meshwright.api.mesh.ForwardClientCertDetails.UNDEFINED)
        .map(GatewayHcm::envoyXfcc).orElse(ForwardClientCertDetails.SANITIZE_SET);
    HttpConnectionManager.Builder b = HttpConnectionManager.newBuilder()
        .setCodecType(HttpConnectionManager.CodecType.AUTO)
        .setStatPrefix(statPrefix)
        .setRds(Rds.newBuilder().setRouteConfigName(routeName).setConfigSource(ConfigSource.newBuilder()
            .setAds(AggregatedConfigSource.getDefaultInstance())
            .setInitialFetchTimeout(Duration.getDefaultInstance())
            .setResourceApiVersion(ApiVersion.V3)))
        .addAllHttpFilters(filters(protocol, policy, TelemetryFilters.http(ctx, ListenerClass.GATEWAY)))
        .addAllAccessLog(AccessLogs.connection(ctx, ListenerClass.GATEWAY))
        .setUseRemoteAddress(BoolValue.of(true))
        .setXffNumTrustedHops(topology.flatMap(Topology::numTrustedProxies).orElse(0))
        .setForwardClientCertDetails(xfcc)
        .setServerName("istio-envoy")
        .setServerHeaderTransformation(HttpConnectionManager.ServerHeaderTransformation.OVERWRITE)
        .setHttpProtocolOptions(Http1ProtocolOptions.newBuilder()
            .setAcceptHttp10(proxy.meta("HTTP10").map("1"::equals).orElse(false)))
        .addUpgradeConfigs(HttpConnectionManager.UpgradeConfig.newBuilder().setUpgradeType("websocket"))
        .setStreamIdleTimeout(Duration.getDefaultInstance())
        .setPathWithEscapedSlashesAction(HttpConnectionManager.PathWithEscapedSlashesAction.KEEP_UNCHANGED)
        .setRequestIdExtension(RequestIDExtension.newBuilder().setTypedConfig(Any.pack(UuidRequestIdConfig.newBuilder()
            .setUseRequestIdForTraceSampling(BoolValue.of(tracing.useRequestIdForTraceSampling().orElse(true)))
            .build())));
    tracing.tracing().ifPresent(b::setTracing);
    if (xfcc == ForwardClientCertDetails.APPEND_FORWARD || xfcc == ForwardClientCertDetails.SANITIZE_SET) {
      b.setSetCurrentClientCertDetails(HttpConnectionManager.SetCurrentClientCertDetails.newBuilder()
          .setSubject(BoolValue.of(true)).setCert(true).setDns(true).setUri(true));
    }
    NormalizationType norm = mesh.pathNormalization().flatMap(p -> p.normalization()).orElse(NormalizationType.DEFAULT);
    switch (norm) {
      case NONE -> b.setNormalizePath(BoolValue.of(false));
      case BASE, DEFAULT -> b.setNormalizePath(BoolValue.of(true));
      case MERGE_SLASHES -> b.setNormalizePath(BoolValue.of(true)).setMergeSlashes(true);
      case DECODE_AND_MERGE_SLASHES -> b.setNormalizePath(BoolValue.of(true)).setMergeSlashes(true)
          .setPathWithEscapedSlashesAction(HttpConnectionManager.PathWithEscapedSlashesAction.UNESCAPE_AND_FORWARD);
    }
    proxy.meta("IDLE_TIMEOUT").flatMap(Listeners::goDuration).ifPresent(d ->
        b.setCommonHttpProtocolOptions(HttpProtocolOptions.newBuilder().setIdleTimeout(d)));
    return b.build();
  }

  /**
   * The gateway HTTP filters, router last: metadata exchange, policy, [gRPC-Web], gRPC stats, ALPN, fault, CORS,
   * telemetry.
   */
  static List<HttpFilter> filters(ServerProtocol protocol, List<HttpFilter> policy, List<HttpFilter> telemetry) {
    List<HttpFilter> out = new ArrayList<>();
    out.add(filter("istio.metadata_exchange", typedStruct(MX_TYPE, Struct.newBuilder()
        .putFields("upstream_discovery", list(struct("istio_headers"), struct("workload_discovery")))
        .putFields("upstream_propagation", list(struct("istio_headers")))
        .build())));
    out.addAll(policy);
    if (protocol == ServerProtocol.GRPC_WEB) {
      out.add(filter("envoy.filters.http.grpc_web", Any.pack(GrpcWeb.getDefaultInstance())));
    }
    out.add(filter("envoy.filters.http.grpc_stats", Any.pack(FilterConfig.newBuilder().setEmitFilterState(true)
        .setStatsForAllMethods(BoolValue.of(false)).build())));
    out.add(filter("istio.alpn", typedStruct(ALPN_TYPE, Struct.newBuilder().putFields("alpn_override", list(
        alpn("HTTP10", "istio-http/1.0", "istio", "http/1.0"),
        alpn("HTTP11", "istio-http/1.1", "istio", "http/1.1"),
        alpn("HTTP2", "istio-h2", "istio", "h2"))).build())));
    out.add(filter("envoy.filters.http.fault", Any.pack(HTTPFault.getDefaultInstance())));
    out.add(filter("envoy.filters.http.cors", Any.pack(Cors.getDefaultInstance())));
    out.addAll(telemetry);
    out.add(filter("envoy.filters.http.router", Any.pack(Router.getDefaultInstance())));
    return out;
  }

  private static HttpFilter filter(String name, Any config) {
    return HttpFilter.newBuilder().setName(name).setTypedConfig(config).build();
  }

  private static Any typedStruct(String typeUrl, Struct value) {
    return Any.pack(TypedStruct.newBuilder().setTypeUrl(typeUrl).setValue(value).build());
  }

  private static Value struct(String emptyField) {
    return Value.newBuilder().setStructValue(Struct.newBuilder()
        .putFields(emptyField, Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build())).build();
  }

  private static Value list(Value... values) {
    return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(List.of(values))).build();
  }

  private static Value alpn(String upstream, String... override) {
    ListValue.Builder l = ListValue.newBuilder();
    for (String o : override) {
      l.addValues(Value.newBuilder().setStringValue(o));
    }
    Struct.Builder s = Struct.newBuilder().putFields("alpn_override", Value.newBuilder().setListValue(l).build());
    if (!upstream.equals("HTTP10")) {
      s.putFields("upstream_protocol", Value.newBuilder().setStringValue(upstream).build());
    }
    return Value.newBuilder().setStructValue(s).build();
  }

  private static ForwardClientCertDetails envoyXfcc(dev.meshwright.api.mesh.ForwardClientCertDetails f) {
    return switch (f) {
      case SANITIZE -> ForwardClientCertDetails.SANITIZE;
      case FORWARD_ONLY -> ForwardClientCertDetails.FORWARD_ONLY;
      case APPEND_FORWARD -> ForwardClientCertDetails.APPEND_FORWARD;
      case ALWAYS_FORWARD_ONLY -> ForwardClientCertDetails.ALWAYS_FORWARD_ONLY;
      default -> ForwardClientCertDetails.SANITIZE_SET;
    };
  }
}
