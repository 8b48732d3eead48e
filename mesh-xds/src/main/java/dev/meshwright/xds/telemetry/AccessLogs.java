package dev.meshwright.xds.telemetry;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.meshwright.api.mesh.EnvoyFileAccessLogProvider;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.telemetry.AccessLogging;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.api.telemetry.WorkloadMode;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.Structs;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLogFilter;
import io.envoyproxy.envoy.config.accesslog.v3.AndFilter;
import io.envoyproxy.envoy.config.accesslog.v3.ExtensionFilter;
import io.envoyproxy.envoy.config.accesslog.v3.ResponseFlagFilter;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.JsonFormatOptions;
import io.envoyproxy.envoy.config.core.v3.SubstitutionFormatString;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.access_loggers.filters.cel.v3.ExpressionFilter;
import io.envoyproxy.envoy.extensions.formatter.cel.v3.Cel;
import io.envoyproxy.envoy.extensions.formatter.metadata.v3.Metadata;
import io.envoyproxy.envoy.extensions.formatter.req_without_query.v3.ReqWithoutQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access logs istiod 1.22 attaches to connection managers, TCP proxies and listeners
 * (pilot/pkg/networking/core/accesslog.go, model/telemetry_logging.go). When a Telemetry resource that applies to
 * the proxy configures logging, or the mesh names default access-logging providers, the logs come from the
 * providers {@link LogsMerge} keeps for the listener's mode, in provider-name order: each Envoy file provider
 * becomes a file access log (the built-in {@code envoy} provider without a format of its own takes the mesh
 * config's encoding and format), and each log-service provider a gRPC or OpenTelemetry log ({@link LogServices}),
 * with the Telemetry's CEL {@code filter} as an extension filter; disabled providers are left out. Otherwise
 * the mesh config's {@code accessLogFile} is used, with {@code accessLogEncoding} and {@code accessLogFormat}.
 * Listener-level logs only record "no route" (NR) connections and are off under {@code disableEnvoyListenerLog}.
 * Stateless; the logs are built once per snapshot and shared by proxies with the same applicable Telemetry.
 */
public final class AccessLogs {
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

  /** The name of the CEL access-log filter extension. */
  static final String CEL_FILTER = "envoy.access_loggers.extension_filters.cel";
  private static final String BUILTIN_PROVIDER = "envoy";

  /** One provider's log for a mode: the access log, whether it is off, and its CEL filter. */
  private record Config(AccessLog log, LogsMerge.Spec spec) {}

  /** What the logs of one kind depend on besides the snapshot. */
  private record Key(List<String> telemetries, WorkloadMode mode, boolean listener) {}

  private static final AccessLogFilter NO_ROUTE = AccessLogFilter.newBuilder()
      .setResponseFlagFilter(ResponseFlagFilter.newBuilder().addFlags("NR")).build();

  /** The access logs of the connection managers and TCP proxies of listener class {@code c}. */
  public static List<AccessLog> connection(ProxyContext ctx, ListenerClass c) {
    return logs(ctx, c, false);
  }

  /** The listener-level access logs of listener class {@code c}: "no route" connections only. */
  public static List<AccessLog> listener(ProxyContext ctx, ListenerClass c) {
    if (ctx.meshConfig().disableEnvoyListenerLog().orElse(false)) {
      return List.of();
    }
    return logs(ctx, c, true);
  }

  /** The logs of one kind, built once per snapshot for proxies with the same logging Telemetry and mode. */
  private static List<AccessLog> logs(ProxyContext ctx, ListenerClass c, boolean listener) {
    Sections<AccessLogging> logs = Sections.of(ctx, TelemetrySpec::accessLogging);
    MeshConfig mesh = ctx.meshConfig();
    MeshSnapshot snapshot = ctx.snapshot();
    return ctx.memo().get(new Key(logs.refs(), c.mode(), listener),
        () -> build(logs, mesh, snapshot, c.mode(), listener ? NO_ROUTE : null));
  }

  private static List<AccessLog> build(Sections<AccessLogging> logs, MeshConfig mesh, MeshSnapshot snapshot,
      WorkloadMode mode, AccessLogFilter listenerFilter) {
    List<Config> cfgs = telemetry(logs, mesh, snapshot, mode);
    if (cfgs.isEmpty()) {
      String path = mesh.accessLogFile().orElse("");
      return path.isEmpty() ? List.of() : List.of(meshLog(path, mesh, listenerFilter));
    }
    return fromTelemetry(cfgs, listenerFilter);
  }

  private static List<AccessLog> fromTelemetry(List<Config> cfgs, AccessLogFilter listenerFilter) {
    List<AccessLog> out = new ArrayList<>(cfgs.size());
    for (Config cfg : cfgs) {
      if (cfg.spec().disabled()) {
        continue;
      }
      List<AccessLogFilter> filters = new ArrayList<>(2);
      if (listenerFilter != null) {
        filters.add(listenerFilter);
      }
      cfg.spec().filter().ifPresent(expr -> filters.add(AccessLogFilter.newBuilder()
          .setExtensionFilter(ExtensionFilter.newBuilder().setName(CEL_FILTER)
              .setTypedConfig(Any.pack(ExpressionFilter.newBuilder().setExpression(expr).build())))
          .build()));
      AccessLog.Builder al = cfg.log().toBuilder();
      if (filters.size() == 1) {
        al.setFilter(filters.get(0));
      } else if (filters.size() > 1) {
        al.setFilter(AccessLogFilter.newBuilder().setAndFilter(AndFilter.newBuilder().addAllFilters(filters)));
      }
      out.add(al.build());
    }
    return List.copyOf(out);
  }

  /**
   * The Telemetry-configured logs for {@code mode}, or none when neither a Telemetry resource nor the mesh
   * defaults configure logging, or no provider yields a log (the mesh config's file log applies then). istiod's
   * {@code AccessLogging}.
   */
  private static List<Config> telemetry(Sections<AccessLogging> logs, MeshConfig mesh, MeshSnapshot snapshot,
      WorkloadMode mode) {
    boolean defaults = !mesh.defaultProviders().map(d -> d.accessLogging().isEmpty()).orElse(true);
    if (logs.isEmpty() && !defaults) {
      return List.of();
    }
    List<Config> out = new ArrayList<>();
    LogsMerge.merge(logs.perTelemetry(), mesh, mode).forEach((name, spec) -> Providers.find(mesh, name)
        .flatMap(p -> providerLog(p, mesh, snapshot)).ifPresent(al -> out.add(new Config(al, spec))));
    return out;
  }

  /** istiod's {@code telemetryAccessLog}: Envoy file logs, and the log services of {@link LogServices}. */
  private static Optional<AccessLog> providerLog(ExtensionProvider p, MeshConfig mesh, MeshSnapshot snapshot) {
    if (p.envoyFileAccessLog().isEmpty()) {
      return LogServices.of(p, snapshot);
    }
    EnvoyFileAccessLogProvider f = p.envoyFileAccessLog().get();
    if (BUILTIN_PROVIDER.equals(p.name().orElse("")) && f.logFormat().isEmpty()) {
      return Optional.of(meshLog(f.path().orElse(""), mesh, null));
    }
    String path = f.path().filter(s -> !s.isEmpty()).orElse("/dev/stdout");
    SubstitutionFormatString format = null;
    if (f.logFormat().isEmpty()) {
      format = text("");
    } else if (f.logFormat().get().text().isPresent()) {
      format = text(f.logFormat().get().text().get());
    } else if (!f.logFormat().get().labels().isEmpty()) {
      format = json(Structs.struct(f.logFormat().get().labels()));
    }
    return Optional.of(log(path, format, null));
  }

  /** istiod's {@code FileAccessLogFromMeshConfig}: {@code path} in the mesh config's encoding and format. */
  private static AccessLog meshLog(String path, MeshConfig mesh, AccessLogFilter filter) {
    String custom = mesh.accessLogFormat().orElse("");
    boolean jsonEncoding =
        mesh.accessLogEncoding().orElse(MeshConfig.AccessLogEncoding.TEXT) == MeshConfig.AccessLogEncoding.JSON;
    return log(path, jsonEncoding ? json(jsonFormat(custom)) : text(custom), filter);
  }

  private static AccessLog log(String path, SubstitutionFormatString format, AccessLogFilter filter) {
    FileAccessLog.Builder fl = FileAccessLog.newBuilder().setPath(path);
    if (format != null) {
      fl.setLogFormat(format);
    }
    AccessLog.Builder al = AccessLog.newBuilder().setName(FILE_ACCESS_LOG).setTypedConfig(Any.pack(fl.build()));
    if (filter != null) {
      al.setFilter(filter);
    }
    return al.build();
  }

  /** A text format (Istio's default when empty; a newline added when missing), with the formatters it needs. */
  private static SubstitutionFormatString text(String custom) {
    String text = custom.isEmpty() ? DEFAULT_TEXT_FORMAT : custom.endsWith("\n") ? custom : custom + "\n";
    return SubstitutionFormatString.newBuilder().setTextFormatSource(DataSource.newBuilder().setInlineString(text))
        .addAllFormatters(formatters(List.of(text))).build();
  }

  /** A JSON format (unsorted properties), with the formatters its values need. */
  private static SubstitutionFormatString json(Struct fields) {
    List<String> values = new ArrayList<>();
    fields.getFieldsMap().values().forEach(v -> values.add(v.getStringValue()));
    return SubstitutionFormatString.newBuilder().setJsonFormat(fields)
        .setJsonFormatOptions(JsonFormatOptions.getDefaultInstance()).addAllFormatters(formatters(values)).build();
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
    return Structs.struct(fields);
  }

  private static List<TypedExtensionConfig> formatters(List<String> values) {
    boolean reqWithoutQuery = values.stream().anyMatch(v -> v.contains("%REQ_WITHOUT_QUERY"));
    boolean metadata = values.stream().anyMatch(v -> v.contains("%METADATA"));
    boolean cel = values.stream().anyMatch(v -> v.contains("%CEL"));
    List<TypedExtensionConfig> out = new ArrayList<>();
    if (reqWithoutQuery) {
      out.add(TypedExtensionConfig.newBuilder().setName("envoy.formatter.req_without_query")
          .setTypedConfig(Any.pack(ReqWithoutQuery.getDefaultInstance())).build());
    }
    if (metadata) {
      out.add(TypedExtensionConfig.newBuilder().setName("envoy.formatter.metadata")
          .setTypedConfig(Any.pack(Metadata.getDefaultInstance())).build());
    }
    if (cel) {
      out.add(TypedExtensionConfig.newBuilder().setName("envoy.formatter.cel")
          .setTypedConfig(Any.pack(Cel.getDefaultInstance())).build());
    }
    return out;
  }
}
