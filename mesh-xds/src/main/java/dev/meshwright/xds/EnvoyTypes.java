package dev.meshwright.xds;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Envoy message type Meshwright generates or reads inside an {@code Any} (xDS resources, the filters and
 * transport sockets in their typed configs, config dumps): for proto3 JSON ({@link #json()}, with {@code @type})
 * and for looking up a descriptor by type URL. Built once, from the proto files of the types below and every file
 * they import. Immutable and thread-safe.
 */
public final class EnvoyTypes {
  private static final List<FileDescriptor> ROOTS = List.of(
      io.envoyproxy.envoy.config.listener.v3.ListenerProto.getDescriptor(),
      io.envoyproxy.envoy.config.cluster.v3.ClusterProto.getDescriptor(),
      io.envoyproxy.envoy.config.route.v3.RouteProto.getDescriptor(),
      io.envoyproxy.envoy.config.endpoint.v3.EndpointProto.getDescriptor(),
      io.envoyproxy.envoy.config.bootstrap.v3.BootstrapProto.getDescriptor(),
      io.envoyproxy.envoy.admin.v3.ConfigDumpProto.getDescriptor(),
      io.envoyproxy.envoy.service.discovery.v3.DiscoveryProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SecretProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBufferProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.transport_sockets.proxy_protocol.v3.UpstreamProxyProtocolProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManagerProto
          .getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxyProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RbacProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.network.ext_authz.v3.ExtAuthzProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.router.v3.RouterProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RbacProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthzProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.ConfigProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.fault.v3.FaultProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.ConfigProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimitProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.stateful_session.v3.StatefulSessionProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.listener.original_dst.v3.OriginalDstProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.listener.original_src.v3.OriginalSrcProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspectorProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.listener.http_inspector.v3.HttpInspectorProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptionsProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.load_balancing_policies.round_robin.v3.RoundRobinProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.load_balancing_policies.ring_hash.v3.RingHashProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.load_balancing_policies.least_request.v3.LeastRequestProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.load_balancing_policies.wrr_locality.v3.WrrLocalityProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.load_balancing_policies.maglev.v3.MaglevProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.load_balancing_policies.pick_first.v3.PickFirstProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.retry.priority.previous_priorities.v3.PreviousPrioritiesConfigProto
          .getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWebProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.set_filter_state.v3.SetFilterStateProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.header_to_metadata.v3.HeaderToMetadataProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.listener.proxy_protocol.v3.ProxyProtocolProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.network.sni_dynamic_forward_proxy.v3.SniDynamicForwardProxyProto
          .getDescriptor(),
      com.github.udpa.udpa.type.v1.TypedStructProto.getDescriptor(),
      com.github.xds.type.v3.TypedStructProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.request_id.uuid.v3.UuidProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWebProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.formatter.req_without_query.v3.ReqWithoutQueryProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.formatter.metadata.v3.MetadataProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.formatter.cel.v3.CelProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.access_loggers.filters.cel.v3.CelProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.access_loggers.grpc.v3.AlsProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.access_loggers.open_telemetry.v3.LogsServiceProto.getDescriptor(),
      // the bootstrap pilot-agent writes (dev.meshwright.xds.bootstrap)
      io.envoyproxy.envoy.config.trace.v3.ZipkinProto.getDescriptor(),
      io.envoyproxy.envoy.config.trace.v3.LightstepProto.getDescriptor(),
      io.envoyproxy.envoy.config.trace.v3.DatadogProto.getDescriptor(),
      // Telemetry API tracers (dev.meshwright.xds.telemetry)
      io.envoyproxy.envoy.config.trace.v3.OpentelemetryProto.getDescriptor(),
      io.envoyproxy.envoy.config.trace.v3.SkywalkingProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.tracers.opentelemetry.resource_detectors.v3.EnvironmentResourceDetectorProto
          .getDescriptor(),
      io.envoyproxy.envoy.extensions.tracers.opentelemetry.resource_detectors.v3.DynatraceResourceDetectorProto
          .getDescriptor(),
      io.envoyproxy.envoy.extensions.tracers.opentelemetry.samplers.v3.DynatraceSamplerProto.getDescriptor(),
      io.envoyproxy.envoy.config.metrics.v3.MetricsServiceProto.getDescriptor(),
      io.envoyproxy.envoy.config.metrics.v3.StatsProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.filters.http.compressor.v3.CompressorProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.compression.gzip.compressor.v3.GzipProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.compression.zstd.compressor.v3.ZstdProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.compression.brotli.compressor.v3.BrotliProto.getDescriptor(),
      io.envoyproxy.envoy.extensions.bootstrap.internal_listener.v3.InternalListenerProto.getDescriptor(),
      OpenCensusTypes.OPENCENSUS_FILE,
      IstioTypes.ALPN_FILE,
      IstioTypes.STATS_FILE);

  private static final EnvoyTypes INSTANCE = new EnvoyTypes();

  private volatile Map<String, Descriptor> byName;
  private volatile JsonFormat.TypeRegistry registry;

  private EnvoyTypes() {
    Map<String, Descriptor> names = new HashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<FileDescriptor> todo = new ArrayDeque<>(ROOTS);
    while (!todo.isEmpty()) {
      FileDescriptor f = todo.pop();
      if (!seen.add(f.getName())) {
        continue;
      }
      f.getMessageTypes().forEach(d -> addAll(d, names));
      todo.addAll(f.getDependencies());
    }
    this.byName = Map.copyOf(names);
    this.registry = JsonFormat.TypeRegistry.newBuilder().add(byName.values()).build();
  }

  private static void addAll(Descriptor d, Map<String, Descriptor> out) {
    out.put(d.getFullName(), d);
    d.getNestedTypes().forEach(n -> addAll(n, out));
  }

  /** The shared instance. */
  public static EnvoyTypes get() {
    return INSTANCE;
  }

  /**
   * The descriptor for a type URL ({@code type.googleapis.com/<full name>}) or full name. A type outside the
   * files above is looked up once as the generated class the Envoy API jar names after it ({@code envoy.*} in
   * {@code io.envoyproxy}, {@code udpa.*}/{@code xds.*} in {@code com.github}) and remembered.
   */
  public Optional<Descriptor> find(String typeUrlOrName) {
    int slash = typeUrlOrName.lastIndexOf('/');
    String name = slash < 0 ? typeUrlOrName : typeUrlOrName.substring(slash + 1);
    Descriptor d = byName.get(name);
    return d != null ? Optional.of(d) : load(name);
  }

  private synchronized Optional<Descriptor> load(String name) {
    Descriptor known = byName.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    String prefix = name.startsWith("envoy.") ? "io.envoyproxy." : name.startsWith("udpa.") || name.startsWith("xds.")
        ? "com.github." : null;
    if (prefix == null) {
      return Optional.empty();
    }
    try {
      Class<?> c = Class.forName(prefix + name, true, EnvoyTypes.class.getClassLoader());
      Descriptor d = (Descriptor) c.getMethod("getDescriptor").invoke(null);
      Map<String, Descriptor> names = new HashMap<>(byName);
      d.getFile().getMessageTypes().forEach(m -> addAll(m, names));
      names.put(d.getFullName(), d);
      byName = Map.copyOf(names);
      registry = JsonFormat.TypeRegistry.newBuilder().add(byName.values()).build();
      return Optional.of(d);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** {@code message} as proto3 JSON with every {@code Any} expanded, looking up types it has not seen yet. */
  public String print(com.google.protobuf.Message message) throws com.google.protobuf.InvalidProtocolBufferException {
    AnyTypes.visit(message, this::find);
    return json().print(message);
  }

  /** A JSON type registry that resolves every known {@code Any}. */
  public JsonFormat.TypeRegistry jsonRegistry() {
    return registry;
  }

  /** A proto3 JSON printer (lowerCamelCase names, {@code @type} for Any). */
  public JsonFormat.Printer json() {
    return JsonFormat.printer().usingTypeRegistry(registry);
  }

  /** A proto3 JSON parser that knows every type here and rejects unknown fields. */
  public JsonFormat.Parser parser() {
    return JsonFormat.parser().usingTypeRegistry(registry);
  }
}
