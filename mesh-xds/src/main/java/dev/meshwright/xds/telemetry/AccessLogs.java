package dev.meshwright.xds.listener;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.meshwright.api.mesh.MeshConfig;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLogFilter;
import io.envoyproxy.envoy.config.accesslog.v3.ResponseFlagFilter;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.JsonFormatOptions;
import io.envoyproxy.envoy.config.core.v3.SubstitutionFormatString;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.formatter.cel.v3.Cel;
import io.envoyproxy.envoy.extensions.formatter.metadata.v3.Metadata;
import io.envoyproxy.envoy.extensions.formatter.req_without_query.v3.ReqWithoutQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mesh-config file access log ({@code accessLogFile}, {@code accessLogEncoding}, {@code accessLogFormat}) as
 * istiod attaches it to connection managers, TCP proxies and listeners when no Telemetry resource configures
 * logging (pilot/pkg/networking/core/accesslog.go, model/telemetry_logging.go). Telemetry-API logging is not
 * modelled here. Stateless.
 */
final class AccessLogs {
  private AccessLogs() {}

  static final String FILE_ACCESS_LOG = "envoy.access_loggers.file";

  /** Istio's default text format (1.9 onwards), a fact of its observable output. */
  static final String DEFAULT_TEXT_FORMAT = "[%START_TIME%] \"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% "
      + "%PROTOCOL%\" %RESPONSE_CODE% %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "
      + "\"%UPSTREAM_TRANSPORT_FAILURE_REASON%\" %BYTES_RECEIVED% %BYTES_SENT% %DURATION% "
      + "%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% \"%REQ(X-FORWARDED-FOR)%\" \"%REQ(USER-AGENT)%\" "
      + "\"%REQ(X-REQUEST-ID)%\" \"%REQ(:AUTHORITY)%\" \"%UPSTREAM_HOST%\" %UPSTREAM_CLUSTER% "
      + "%UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% "
      + "%REQUESTED_SERVER_NAME% %ROUTE_NAME%\n";

  private static final String[][] DEFAULT_JSON = {
      {"start_time", "%START_TIME%"}, {"route_name", "%ROUTE_NAME%"}, {"method", "%REQ(:METHOD)%"},
      {"path", "%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%"}, {"protocol", "%PROTOCOL%"},
      {"response_code", "%RESPONSE_CODE%"}, {"response_flags", "%RESPONSE_FLAGS%"},
      {"response_code_details", "%RESPONSE_CODE_DETAILS%"},
      {"connection_termination_details", "%CONNECTION_TERMINATION_DETAILS%"},
      {"bytes_received", "%BYTES_RECEIVED%"}, {"bytes_sent", "%BYTES_SENT%"}, {"duration", "%DURATION%"},
      {"upstream_service_time", "%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%"},
      {"x_forwarded_for", "%REQ(X-FORWARDED-FOR)%"}, {"user_agent", "%REQ(USER-AGENT)%"},
      {"request_id", "%REQ(X-REQUEST-ID)%"}, {"authority", "%REQ(:AUTHORITY)%"},
      {"upstream_host", "%UPSTREAM_HOST%"}, {"upstream_cluster", "%UPSTREAM_CLUSTER%"},
      {"upstream_local_address", "%UPSTREAM_LOCAL_ADDRESS%"},
      {"downstream_local_address", "%DOWNSTREAM_LOCAL_ADDRESS%"},
      {"downstream_remote_address", "%DOWNSTREAM_REMOTE_ADDRESS%"},
      {"requested_server_name", "%REQUESTED_SERVER_NAME%"},
      {"upstream_transport_failure_reason", "%UPSTREAM_TRANSPORT_FAILURE_REASON%"}};

  /** The access log for connection managers and TCP proxies, empty when the mesh sets no file. */
  static Optional<AccessLog> file(MeshConfig mesh) {
    String path = mesh.accessLogFile().orElse("");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(build(path, mesh, null));
  }

  /** The listener-level access log: the same file, only for "no route" (NR) connections. */
  static Optional<AccessLog> listener(MeshConfig mesh) {
    if (mesh.disableEnvoyListenerLog().orElse(false)) {
      return Optional.empty();
    }
    String path = mesh.accessLogFile().orElse("");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    AccessLogFilter nr = AccessLogFilter.newBuilder()
        .setResponseFlagFilter(ResponseFlagFilter.newBuilder().addFlags("NR")).build();
    return Optional.of(build(path, mesh, nr));
  }

  private static AccessLog build(String path, MeshConfig mesh, AccessLogFilter filter) {
    FileAccessLog.Builder fl = FileAccessLog.newBuilder().setPath(path);
    String custom = mesh.accessLogFormat().orElse("");
    SubstitutionFormatString.Builder fmt = SubstitutionFormatString.newBuilder();
    List<String> values = new ArrayList<>();
    if (mesh.accessLogEncoding().orElse(MeshConfig.AccessLogEncoding.TEXT) == MeshConfig.AccessLogEncoding.JSON) {
      Struct json = jsonFormat(custom);
      json.getFieldsMap().values().forEach(v -> values.add(v.getStringValue()));
      fmt.setJsonFormat(json).setJsonFormatOptions(JsonFormatOptions.getDefaultInstance());
    } else {
      String text = custom.isEmpty() ? DEFAULT_TEXT_FORMAT : custom.endsWith("\n") ? custom : custom + "\n";
      values.add(text);
      fmt.setTextFormatSource(DataSource.newBuilder().setInlineString(text));
    }
    fmt.addAllFormatters(formatters(values));
    fl.setLogFormat(fmt);
    AccessLog.Builder al = AccessLog.newBuilder().setName(FILE_ACCESS_LOG).setTypedConfig(Listeners.any(fl.build()));
    if (filter != null) {
      al.setFilter(filter);
    }
    return al.build();
  }

  private static Struct jsonFormat(String custom) {
    if (!custom.isEmpty()) {
      Struct.Builder b = Struct.newBuilder();
      try {
        JsonFormat.parser().ignoringUnknownFields().merge(custom, b);
        return b.build();
      } catch (InvalidProtocolBufferException e) {
        // Istio logs and falls back to the default format; so do we.
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String[] kv : DEFAULT_JSON) {
      fields.put(kv[0], kv[1]);
    }
    return Listeners.struct(fields);
  }

  private static List<TypedExtensionConfig> formatters(List<String> values) {
    boolean reqWithoutQuery = values.stream().anyMatch(v -> v.contains("%REQ_WITHOUT_QUERY"));
    boolean metadata = values.stream().anyMatch(v -> v.contains("%METADATA"));
    boolean cel = values.stream().anyMatch(v -> v.contains("%CEL"));
    List<TypedExtensionConfig> out = new ArrayList<>();
    if (reqWithoutQuery) {
      out.add(TypedExtensionConfig.newBuilder().setName("envoy.formatter.req_without_query")
          .setTypedConfig(Listeners.any(ReqWithoutQuery.getDefaultInstance())).build());
    }
    if (metadata) {
      out.add(TypedExtensionConfig.newBuilder().setName("envoy.formatter.metadata")
          .setTypedConfig(Listeners.any(Metadata.getDefaultInstance())).build());
    }
    if (cel) {
      out.add(TypedExtensionConfig.newBuilder().setName("envoy.formatter.cel")
          .setTypedConfig(Listeners.any(Cel.getDefaultInstance())).build());
    }
    return out;
  }
}
