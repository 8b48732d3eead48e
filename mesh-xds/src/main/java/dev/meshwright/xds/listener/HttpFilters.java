package dev.meshwright.xds.listener;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.meshwright.xds.IstioTypes;
import dev.meshwright.xds.Structs;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWeb;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import java.util.Map;

/**
 * The HTTP filters istiod puts in sidecar connection managers (pilot/pkg/xds/filters), one constructor each. Their
 * order in a chain lives in one place, {@link HttpConnectionManagers#filters}. Stateless.
 */
final class HttpFilters {
  private HttpFilters() {}

  static final String ROUTER = "envoy.filters.http.router";
  static final String FAULT = "envoy.filters.http.fault";
  static final String CORS = "envoy.filters.http.cors";
  static final String GRPC_STATS = "envoy.filters.http.grpc_stats";
  static final String GRPC_WEB = "envoy.filters.http.grpc_web";
  static final String ALPN = "istio.alpn";

  private static final String PEER_METADATA = "type.googleapis.com/io.istio.http.peer_metadata.Config";

  static HttpFilter of(String name, com.google.protobuf.Message config) {
    return HttpFilter.newBuilder().setName(name).setTypedConfig(Any.pack(config)).build();
  }

  // The filters are constants: built and packed once, not per connection manager.
  private static final HttpFilter ROUTER_FILTER = of(ROUTER, Router.getDefaultInstance());
  private static final HttpFilter ROUTER_QUIET = of(ROUTER,
      Router.newBuilder().setSuppressEnvoyHeaders(true).build());
  private static final HttpFilter FAULT_FILTER = of(FAULT, HTTPFault.getDefaultInstance());
  private static final HttpFilter CORS_FILTER = of(CORS, Cors.getDefaultInstance());
  private static final HttpFilter GRPC_WEB_FILTER = of(GRPC_WEB, GrpcWeb.getDefaultInstance());
  private static final HttpFilter GRPC_STATS_FILTER = of(GRPC_STATS, FilterConfig.newBuilder()
      .setEmitFilterState(true).setStatsForAllMethods(BoolValue.of(false)).build());
  private static final HttpFilter MX_INBOUND = buildMetadataExchangeInbound();
  private static final HttpFilter MX_OUTBOUND = buildMetadataExchangeOutbound(false);
  private static final HttpFilter MX_OUTBOUND_IN_MESH = buildMetadataExchangeOutbound(true);
  private static final HttpFilter ALPN_FILTER = buildAlpn();

  static HttpFilter router(boolean suppressEnvoyHeaders) {
    return suppressEnvoyHeaders ? ROUTER_QUIET : ROUTER_FILTER;
  }

  static HttpFilter fault() {
    return FAULT_FILTER;
  }

  static HttpFilter cors() {
    return CORS_FILTER;
  }

  static HttpFilter grpcWeb() {
    return GRPC_WEB_FILTER;
  }

  static HttpFilter grpcStats() {
    return GRPC_STATS_FILTER;
  }

  /** Peer metadata discovery from Istio headers and the workload registry, propagated downstream (inbound). */
  static HttpFilter metadataExchangeInbound() {
    return MX_INBOUND;
  }

  /** The outbound variant; {@code skipExternal} when ProxyConfig asks for MX headers only inside the mesh. */
  static HttpFilter metadataExchangeOutbound(boolean skipExternal) {
    return skipExternal ? MX_OUTBOUND_IN_MESH : MX_OUTBOUND;
  }

  private static HttpFilter buildMetadataExchangeInbound() {
    Map<String, Object> headers = Map.of("istio_headers", Map.of());
    return HttpFilter.newBuilder().setName(Listeners.METADATA_EXCHANGE).setTypedConfig(Structs.typedStruct(
        PEER_METADATA, Map.of(
            "downstream_discovery", List.of(headers, Map.of("workload_discovery", Map.of())),
            "downstream_propagation", List.of(headers)))).build();
  }

  private static HttpFilter buildMetadataExchangeOutbound(boolean skipExternal) {
    Map<String, Object> headers = Map.of("istio_headers", Map.of());
    Map<String, Object> propagation = skipExternal
        ? Map.of("istio_headers", Map.of("skip_external_clusters", true)) : headers;
    return HttpFilter.newBuilder().setName(Listeners.METADATA_EXCHANGE).setTypedConfig(Structs.typedStruct(
        PEER_METADATA, Map.of(
            "upstream_discovery", List.of(headers, Map.of("workload_discovery", Map.of())),
            "upstream_propagation", List.of(propagation)))).build();
  }

  /**
   * Istio's {@code istio.alpn} filter ({@code istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig}, described
   * by {@link IstioTypes}): per upstream HTTP version the ALPN list {@code istio-<v>, istio, <v>}.
   */
  static HttpFilter alpn() {
    return ALPN_FILTER;
  }

  private static HttpFilter buildAlpn() {
    Descriptor config = IstioTypes.ALPN_FILE.findMessageTypeByName("FilterConfig");
    Descriptor override = config.findNestedTypeByName("AlpnOverride");
    EnumDescriptor protocol = config.findEnumTypeByName("Protocol");
    String[][] alpns = {
        {"istio-http/1.0", "istio", "http/1.0"}, {"istio-http/1.1", "istio", "http/1.1"}, {"istio-h2", "istio", "h2"}};
    DynamicMessage.Builder b = DynamicMessage.newBuilder(config);
    for (int i = 0; i < alpns.length; i++) {
      DynamicMessage.Builder o = DynamicMessage.newBuilder(override)
          .setField(override.findFieldByName("upstream_protocol"), protocol.findValueByNumber(i));
      for (String a : alpns[i]) {
        o.addRepeatedField(override.findFieldByName("alpn_override"), a);
      }
      b.addRepeatedField(config.findFieldByName("alpn_override"), o.build());
    }
    return HttpFilter.newBuilder().setName(ALPN).setTypedConfig(Any.pack(b.build())).build();
  }
}
