package dev.meshwright.xds.listener;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWeb;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  static HttpFilter router(boolean suppressEnvoyHeaders) {
    return of(ROUTER, Router.newBuilder().setSuppressEnvoyHeaders(suppressEnvoyHeaders).build());
  }

  static HttpFilter fault() {
    return of(FAULT, HTTPFault.getDefaultInstance());
  }

  static HttpFilter cors() {
    return of(CORS, Cors.getDefaultInstance());
  }

  static HttpFilter grpcWeb() {
    return of(GRPC_WEB, GrpcWeb.getDefaultInstance());
  }

  static HttpFilter grpcStats() {
    return of(GRPC_STATS, FilterConfig.newBuilder().setEmitFilterState(true)
        .setStatsForAllMethods(BoolValue.of(false)).build());
  }

  /** Peer metadata discovery from Istio headers and the workload registry, propagated downstream (inbound). */
  static HttpFilter metadataExchangeInbound() {
    Map<String, Object> headers = Map.of("istio_headers", Map.of());
    return HttpFilter.newBuilder().setName(Listeners.METADATA_EXCHANGE).setTypedConfig(Listeners.typedStruct(
        PEER_METADATA, Map.of(
            "downstream_discovery", List.of(headers, Map.of("workload_discovery", Map.of())),
            "downstream_propagation", List.of(headers)))).build();
  }

  /** The outbound variant; {@code skipExternal} when ProxyConfig asks for MX headers only inside the mesh. */
  static HttpFilter metadataExchangeOutbound(boolean skipExternal) {
    Map<String, Object> headers = Map.of("istio_headers", Map.of());
    Map<String, Object> propagation = skipExternal
        ? Map.of("istio_headers", Map.of("skip_external_clusters", true)) : headers;
    return HttpFilter.newBuilder().setName(Listeners.METADATA_EXCHANGE).setTypedConfig(Listeners.typedStruct(
        PEER_METADATA, Map.of(
            "upstream_discovery", List.of(headers, Map.of("workload_discovery", Map.of())),
            "upstream_propagation", List.of(propagation)))).build();
  }

  /**
   * Istio's {@code istio.alpn} filter ({@code istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig}, not in the
   * Envoy API jar, so encoded here by hand): per upstream HTTP version the ALPN list {@code istio-<v>, istio, <v>}.
   */
  static HttpFilter alpn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      String[][] overrides = {
          {"istio-http/1.0", "istio", "http/1.0"}, {"istio-http/1.1", "istio", "http/1.1"}, {"istio-h2", "istio", "h2"}};
      for (int protocol = 0; protocol < overrides.length; protocol++) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        CodedOutputStream in = CodedOutputStream.newInstance(inner);
        if (protocol != 0) {
          in.writeEnum(1, protocol);
        }
        for (String alpn : overrides[protocol]) {
          in.writeString(2, alpn);
        }
        in.flush();
        out.writeBytes(1, ByteString.copyFrom(inner.toByteArray()));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Any config = Any.newBuilder()
        .setTypeUrl("type.googleapis.com/istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig")
        .setValue(ByteString.copyFrom(bytes.toByteArray())).build();
    return HttpFilter.newBuilder().setName(ALPN).setTypedConfig(config).build();
  }
}
