package dev.meshwright.xds.telemetry;

import com.google.protobuf.Any;
import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.telemetry.Metrics;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.Structs;
import dev.meshwright.xds.telemetry.MetricsMerge.ProviderMetrics;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The telemetry filters istiod 1.22 puts in a proxy's listeners ({@code Telemetries.HTTPFilters} and
 * {@code TCPFilters}): for each metrics provider in scope, in name order, that the mesh config defines as a
 * Prometheus provider, one {@code istio.stats} filter with its {@link StatsConfigs stats config}, unless the
 * listener class's metrics are all disabled. Waypoints get the fixed {@code SERVER_GATEWAY} reporter config. The
 * providers in scope come from the Telemetry resources that apply to the proxy ({@link MetricsMerge}), or the mesh
 * config's {@code defaultProviders.metrics} when none configures metrics; a provider the mesh config does not
 * define is skipped. Stackdriver (a Wasm filter) is not generated. Results are shared per snapshot by every proxy
 * of the same type with the same applicable Telemetry resources. Stateless.
 */
public final class TelemetryFilters {
  private TelemetryFilters() {}

  /** The filter name of Istio's stats filters, HTTP and network. */
  public static final String STATS = "istio.stats";

  private static final String STATS_TYPE = "type.googleapis.com/stats.PluginConfig";

  private record Key(List<String> telemetries, ListenerClass listenerClass, boolean tcp, boolean waypoint) {}

  /** The HTTP filters for a connection manager of {@code c} in {@code ctx}'s proxy, in chain order. */
  public static List<HttpFilter> http(ProxyContext ctx, ListenerClass c) {
    List<HttpFilter> out = new ArrayList<>();
    for (Any config : configs(ctx, c, false)) {
      out.add(HttpFilter.newBuilder().setName(STATS).setTypedConfig(config).build());
    }
    return out;
  }

  /** The network filters for a TCP filter chain of {@code c} in {@code ctx}'s proxy, in chain order. */
  public static List<Filter> tcp(ProxyContext ctx, ListenerClass c) {
    List<Filter> out = new ArrayList<>();
    for (Any config : configs(ctx, c, true)) {
      out.add(Filter.newBuilder().setName(STATS).setTypedConfig(config).build());
    }
    return out;
  }

  /**
   * A TCP chain's closing filters as istiod stacks them: the telemetry filters of {@code c}, then {@code terminal}
   * (the {@code tcp_proxy}).
   */
  public static List<Filter> tcpStack(ProxyContext ctx, ListenerClass c, Filter terminal) {
    List<Filter> out = new ArrayList<>(tcp(ctx, c));
    out.add(terminal);
    return out;
  }

  private static List<Any> configs(ProxyContext ctx, ListenerClass c, boolean tcp) {
    MeshConfig mesh = ctx.meshConfig();
    Sections<Metrics> metrics = Sections.of(ctx, TelemetrySpec::metrics);
    if (metrics.isEmpty() && mesh.defaultProviders().map(d -> d.metrics().isEmpty()).orElse(true)) {
      return List.of();
    }
    boolean waypoint = ctx.proxy().type() == ProxyType.WAYPOINT;
    return ctx.memo().get(new Key(metrics.refs(), c, tcp, waypoint), () -> compute(metrics.flat(), mesh, c, waypoint));
  }

  private static List<Any> compute(List<Metrics> sections, MeshConfig mesh, ListenerClass c, boolean waypoint) {
    List<Any> out = new ArrayList<>();
    for (Map.Entry<String, ProviderMetrics> e : MetricsMerge.merge(sections, mesh).entrySet()) {
      Optional<ExtensionProvider> provider = Providers.find(mesh, e.getKey());
      if (provider.isEmpty() || provider.get().prometheus().isEmpty()) {
        continue;
      }
      if (waypoint) {
        out.add(Structs.typedStruct(STATS_TYPE, Map.<String, Object>of("reporter", "SERVER_GATEWAY")));
      } else {
        StatsConfigs.of(c, e.getValue()).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

}
