package dev.meshwright.xds.telemetry;

import com.google.protobuf.Any;
import dev.meshwright.api.mesh.EnvoyHttpGrpcV3LogProvider;
import dev.meshwright.api.mesh.EnvoyOpenTelemetryLogProvider;
import dev.meshwright.api.mesh.EnvoyTcpGrpcV3LogProvider;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.telemetry.Providers.Collector;
import dev.meshwright.xds.telemetry.Providers.ProviderException;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.extensions.access_loggers.grpc.v3.CommonGrpcAccessLogConfig;
import io.envoyproxy.envoy.extensions.access_loggers.grpc.v3.HttpGrpcAccessLogConfig;
import io.envoyproxy.envoy.extensions.access_loggers.grpc.v3.TcpGrpcAccessLogConfig;
import io.envoyproxy.envoy.extensions.access_loggers.open_telemetry.v3.OpenTelemetryAccessLogConfig;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Access logs sent to a log service, for the Telemetry providers istiod 1.22 supports
 * ({@code model/telemetry_logging.go}): Envoy's HTTP and TCP gRPC access-log services ({@code envoyHttpAls},
 * {@code envoyTcpAls}: log name, the Wasm peer filter-state objects unless the provider lists its own, the extra
 * headers and trailers) and OpenTelemetry ({@code envoyOtelAls}: Istio's text format as the body unless the
 * provider sets one, its labels as attributes sorted by key, built-in labels off), each to the {@code outbound}
 * cluster of the provider's service. A provider whose service is not in the registry gives no log. Stateless.
 */
final class LogServices {
  private LogServices() {}

  private static final Logger LOG = Logger.getLogger(LogServices.class.getName());
  static final String HTTP_GRPC = "envoy.access_loggers.http_grpc";
  static final String TCP_GRPC = "envoy.tcp_grpc_access_log";
  static final String OPEN_TELEMETRY = "envoy.access_loggers.open_telemetry";
  private static final List<String> WASM_PEER_STATE = List.of("wasm.upstream_peer", "wasm.upstream_peer_id",
      "wasm.downstream_peer", "wasm.downstream_peer_id");

  /** The log of {@code p}, when it is a log-service provider whose service resolves. */
  static Optional<AccessLog> of(ExtensionProvider p, MeshSnapshot snapshot) {
    try {
      if (p.envoyHttpAls().isPresent()) {
        return Optional.of(http(p.envoyHttpAls().get(), snapshot));
      }
      if (p.envoyTcpAls().isPresent()) {
        return Optional.of(tcp(p.envoyTcpAls().get(), snapshot));
      }
      if (p.envoyOtelAls().isPresent()) {
        return Optional.of(openTelemetry(p.envoyOtelAls().get(), snapshot));
      }
    } catch (ProviderException e) {
      LOG.warning("could not find cluster for access-log provider \"" + p.name().orElse("") + "\": "
          + e.getMessage());
    }
    return Optional.empty();
  }

  private static AccessLog http(EnvoyHttpGrpcV3LogProvider h, MeshSnapshot snapshot) throws ProviderException {
    Collector c = Providers.collector(snapshot, h.service().orElse(""), h.port().orElse(0));
    HttpGrpcAccessLogConfig cfg = HttpGrpcAccessLogConfig.newBuilder()
        .setCommonConfig(common(h.logName().filter(n -> !n.isEmpty()).orElse("http_envoy_accesslog"), c,
            h.filterStateObjectsToLog()))
        .addAllAdditionalRequestHeadersToLog(h.additionalRequestHeadersToLog())
        .addAllAdditionalResponseHeadersToLog(h.additionalResponseHeadersToLog())
        .addAllAdditionalResponseTrailersToLog(h.additionalResponseTrailersToLog()).build();
    return AccessLog.newBuilder().setName(HTTP_GRPC).setTypedConfig(Any.pack(cfg)).build();
  }

  private static AccessLog tcp(EnvoyTcpGrpcV3LogProvider t, MeshSnapshot snapshot) throws ProviderException {
    Collector c = Providers.collector(snapshot, t.service().orElse(""), t.port().orElse(0));
    TcpGrpcAccessLogConfig cfg = TcpGrpcAccessLogConfig.newBuilder()
        .setCommonConfig(common(t.logName().filter(n -> !n.isEmpty()).orElse("tcp_envoy_accesslog"), c,
            t.filterStateObjectsToLog())).build();
    return AccessLog.newBuilder().setName(TCP_GRPC).setTypedConfig(Any.pack(cfg)).build();
  }

  private static AccessLog openTelemetry(EnvoyOpenTelemetryLogProvider o, MeshSnapshot snapshot)
      throws ProviderException {
    Collector c = Providers.collector(snapshot, o.service().orElse(""), o.port().orElse(0));
    String body = o.logFormat().flatMap(EnvoyOpenTelemetryLogProvider.OtelLogFormat::text).filter(t -> !t.isEmpty())
        .orElse(AccessLogs.DEFAULT_TEXT_FORMAT);
    OpenTelemetryAccessLogConfig.Builder cfg = OpenTelemetryAccessLogConfig.newBuilder()
        .setCommonConfig(common(o.logName().filter(n -> !n.isEmpty()).orElse("otel_envoy_accesslog"), c, List.of()))
        .setDisableBuiltinLabels(true)
        .setBody(AnyValue.newBuilder().setStringValue(body));
    Map<String, Object> labels =
        o.logFormat().map(EnvoyOpenTelemetryLogProvider.OtelLogFormat::labels).orElse(Map.of());
    if (!labels.isEmpty()) {
      KeyValueList.Builder kv = KeyValueList.newBuilder();
      new TreeMap<>(labels).forEach((k, v) -> kv.addValues(KeyValue.newBuilder().setKey(k)
          .setValue(AnyValue.newBuilder().setStringValue(v instanceof String s ? s : ""))));
      cfg.setAttributes(kv);
    }
    return AccessLog.newBuilder().setName(OPEN_TELEMETRY).setTypedConfig(Any.pack(cfg.build())).build();
  }

  /** The shared gRPC settings; {@code filterState} empty means the Wasm peer objects. */
  private static CommonGrpcAccessLogConfig common(String logName, Collector c, List<String> filterState) {
    return CommonGrpcAccessLogConfig.newBuilder().setLogName(logName)
        .setGrpcService(c.grpcService())
        .setTransportApiVersion(ApiVersion.V3)
        .addAllFilterStateObjectsToLog(filterState.isEmpty() ? WASM_PEER_STATE : filterState).build();
  }
}
