package dev.meshwright.xds.listener;

import com.google.protobuf.BoolValue;
import dev.meshwright.api.mesh.ForwardClientCertDetails;
import dev.meshwright.api.mesh.ProxyHeaders;
import dev.meshwright.api.mesh.ProxyPathNormalization.NormalizationType;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.xds.telemetry.AccessLogs;
import dev.meshwright.xds.telemetry.ListenerClass;
import dev.meshwright.xds.telemetry.TelemetryFilters;
import dev.meshwright.xds.telemetry.Tracing;
import io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.RequestIDExtension;
import io.envoyproxy.envoy.extensions.request_id.uuid.v3.UuidRequestIdConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Sidecar HTTP connection managers as istiod's {@code buildHTTPConnectionManager} shapes them: codec AUTO, path
 * normalization from the mesh, {@code useRemoteAddress false}, websocket upgrades, {@code streamIdleTimeout 0},
 * RDS over ADS (outbound) or the inline inbound route, the access logs and tracing of the Telemetry API or the
 * mesh config (package {@code telemetry}), the UUID request-ID extension, and the filter chain of {@link #filters},
 * Istio's telemetry filters ({@code istio.stats}) included. Wasm plugins are not added. Stateless.
 */
final class HttpConnectionManagers {
  private HttpConnectionManagers() {}

  /** Which side of the sidecar the connection manager serves. */
  enum Side { INBOUND, OUTBOUND }

  /**
   * What varies per connection manager.
   *
   * @param side inbound or outbound
   * @param statPrefix the stat prefix ({@code outbound_0.0.0.0_8080}, {@code inbound_0.0.0.0_9080})
   * @param rds the RDS route name (outbound), or null with {@code route} set (inbound)
   * @param route the inline route configuration, or null
   * @param protocol the port protocol (gRPC-Web adds its filter; HTTP/2 and gRPC set HTTP/2 options inbound)
   * @param authz the inbound policy filters (empty outbound)
   */
  record Options(Side side, String statPrefix, String rds, RouteConfiguration route, Protocol protocol,
      List<HttpFilter> authz) {}

  static HttpConnectionManager build(ProxyMeta meta, Options o) {
    ProxyHeaders ph = meta.proxyConfig().proxyHeaders().orElse(ProxyHeaders.builder().build());
    HttpConnectionManager.Builder h = HttpConnectionManager.newBuilder()
        .setCodecType(HttpConnectionManager.CodecType.AUTO)
        .setStatPrefix(o.statPrefix())
        .setPathWithEscapedSlashesAction(HttpConnectionManager.PathWithEscapedSlashesAction.KEEP_UNCHANGED)
        .setUseRemoteAddress(BoolValue.of(false))
        .addUpgradeConfigs(HttpConnectionManager.UpgradeConfig.newBuilder().setUpgradeType("websocket"))
        .setStreamIdleTimeout(Listeners.zero())
        .setServerHeaderTransformation(HttpConnectionManager.ServerHeaderTransformation.OVERWRITE);
    normalization(meta, h);
    meta.idleTimeout().ifPresent(d -> h.setCommonHttpProtocolOptions(HttpProtocolOptions.newBuilder().setIdleTimeout(d)));
    if (o.rds() != null) {
      h.setRds(Listeners.rds(o.rds()));
    } else {
      h.setRouteConfig(o.route());
    }
    ListenerClass c = o.side() == Side.INBOUND ? ListenerClass.SIDECAR_INBOUND : ListenerClass.SIDECAR_OUTBOUND;
    h.addAllAccessLog(AccessLogs.connection(meta.context(), c));
    Tracing.Result tracing = Tracing.of(meta.context(), c);
    tracing.tracing().ifPresent(h::setTracing);
    String server = o.side() == Side.INBOUND ? "istio-envoy" : "";
    if (ph.server().isPresent()) {
      if (ph.server().get().disabled().orElse(false)) {
        server = "";
        h.setServerHeaderTransformation(HttpConnectionManager.ServerHeaderTransformation.PASS_THROUGH);
      } else if (!ph.server().get().value().orElse("").isEmpty()) {
        server = ph.server().get().value().get();
      }
    }
    if (!server.isEmpty()) {
      h.setServerName(server);
    }
    if (ph.requestId().flatMap(ProxyHeaders.RequestId::disabled).orElse(false)) {
      h.setGenerateRequestId(BoolValue.of(false));
    }
    if (o.side() == Side.INBOUND) {
      h.setForwardClientCertDetails(forwardClientCert(ph.forwardedClientCert().orElse(ForwardClientCertDetails.UNDEFINED)));
      h.setSetCurrentClientCertDetails(HttpConnectionManager.SetCurrentClientCertDetails.newBuilder()
          .setSubject(BoolValue.of(true)).setUri(true).setDns(true));
      if (o.protocol() == Protocol.HTTP2 || o.protocol() == Protocol.GRPC || o.protocol() == Protocol.GRPC_WEB) {
        h.setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance());
      }
    }
    if (o.protocol() == Protocol.HTTP_PROXY) {
      h.setHttpProtocolOptions(Http1ProtocolOptions.newBuilder().setAllowAbsoluteUrl(BoolValue.of(true))
          .setAcceptHttp10(meta.http10()));
    } else if (meta.http10()) {
      h.setHttpProtocolOptions(Http1ProtocolOptions.newBuilder().setAcceptHttp10(true));
    }
    boolean suppressDebug = ph.envoyDebugHeaders().flatMap(ProxyHeaders.EnvoyDebugHeaders::disabled).orElse(false);
    boolean skipMx = ph.metadataExchangeHeaders().flatMap(ProxyHeaders.MetadataExchangeHeaders::mode)
        .map(m -> m == ProxyHeaders.MetadataExchangeMode.IN_MESH).orElse(false);
    h.addAllHttpFilters(filters(o, suppressDebug, skipMx, TelemetryFilters.http(meta.context(), c)));
    boolean requestIdSampling = tracing.useRequestIdForTraceSampling().orElse(true);
    h.setRequestIdExtension(RequestIDExtension.newBuilder().setTypedConfig(Listeners.any(
        UuidRequestIdConfig.newBuilder().setUseRequestIdForTraceSampling(BoolValue.of(requestIdSampling)).build())));
    return h.build();
  }

  /**
   * The HTTP filter chain, in istiod's order (listener_builder.go › buildHTTPConnectionManager):
   * <ol>
   *   <li>{@code istio.metadata_exchange} (peer metadata; the inbound or outbound variant)</li>
   *   <li>inbound only: the policy filters of {@link InboundFilters} (ext_authz, jwt_authn, RBAC)</li>
   *   <li>{@code envoy.filters.http.grpc_web} for gRPC-Web ports</li>
   *   <li>{@code envoy.filters.http.grpc_stats}</li>
   *   <li>outbound only: {@code istio.alpn} (ALPN override toward Istio upstreams)</li>
   *   <li>{@code envoy.filters.http.fault}, {@code envoy.filters.http.cors}</li>
   *   <li>the telemetry filters ({@code istio.stats})</li>
   *   <li>{@code envoy.filters.http.router}, always last</li>
   * </ol>
   */
  static List<HttpFilter> filters(Options o, boolean suppressDebugHeaders, boolean skipExternalMx,
      List<HttpFilter> telemetry) {
    List<HttpFilter> out = new ArrayList<>();
    boolean inbound = o.side() == Side.INBOUND;
    out.add(inbound ? HttpFilters.metadataExchangeInbound() : HttpFilters.metadataExchangeOutbound(skipExternalMx));
    if (inbound) {
      out.addAll(o.authz());
    }
    if (o.protocol() == Protocol.GRPC_WEB) {
      out.add(HttpFilters.grpcWeb());
    }
    out.add(HttpFilters.grpcStats());
    if (!inbound) {
      out.add(HttpFilters.alpn());
    }
    out.add(HttpFilters.fault());
    out.add(HttpFilters.cors());
    out.addAll(telemetry);
    out.add(HttpFilters.router(suppressDebugHeaders));
    return out;
  }

  private static void normalization(ProxyMeta meta, HttpConnectionManager.Builder h) {
    NormalizationType n = meta.mesh().pathNormalization().flatMap(p -> p.normalization())
        .orElse(NormalizationType.DEFAULT);
    switch (n) {
      case NONE -> h.setNormalizePath(BoolValue.of(false));
      case BASE, DEFAULT -> h.setNormalizePath(BoolValue.of(true));
      case MERGE_SLASHES -> h.setNormalizePath(BoolValue.of(true)).setMergeSlashes(true);
      case DECODE_AND_MERGE_SLASHES -> h.setNormalizePath(BoolValue.of(true)).setMergeSlashes(true)
          .setPathWithEscapedSlashesAction(HttpConnectionManager.PathWithEscapedSlashesAction.UNESCAPE_AND_FORWARD);
    }
  }

  private static HttpConnectionManager.ForwardClientCertDetails forwardClientCert(ForwardClientCertDetails d) {
    return switch (d) {
      case SANITIZE -> HttpConnectionManager.ForwardClientCertDetails.SANITIZE;
      case FORWARD_ONLY -> HttpConnectionManager.ForwardClientCertDetails.FORWARD_ONLY;
      case SANITIZE_SET -> HttpConnectionManager.ForwardClientCertDetails.SANITIZE_SET;
      case ALWAYS_FORWARD_ONLY -> HttpConnectionManager.ForwardClientCertDetails.ALWAYS_FORWARD_ONLY;
      case APPEND_FORWARD, UNDEFINED -> HttpConnectionManager.ForwardClientCertDetails.APPEND_FORWARD;
    };
  }
}
