package dev.meshwright.xds.telemetry;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.meshwright.xds.IstioTypes;
import dev.meshwright.xds.cluster.Clusters;
import dev.meshwright.xds.telemetry.MetricsMerge.MetricOverride;
import dev.meshwright.xds.telemetry.MetricsMerge.ModeMetrics;
import dev.meshwright.xds.telemetry.MetricsMerge.ProviderMetrics;
import dev.meshwright.xds.telemetry.MetricsMerge.TagOverride;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code stats.PluginConfig} of one Prometheus provider for one listener class, as istiod 1.22's
 * {@code generateStatsConfig} fills it: {@code disable_host_header_fallback} on inbound and gateway listeners, the
 * provider's reporting interval as {@code tcp_reporting_duration}, and one {@code MetricConfig} per overridden
 * metric (Istio metric names mapped to their Prometheus names; custom names kept), its removed tags in
 * {@code tags_to_remove} and upserted ones in {@code dimensions}. Rotation and graceful-deletion intervals are
 * istiod's defaults, which it leaves out. Stateless.
 */
final class StatsConfigs {
  private StatsConfigs() {}

  private static final Descriptor PLUGIN = IstioTypes.STATS_FILE.findMessageTypeByName("PluginConfig");
  private static final Descriptor METRIC = IstioTypes.STATS_FILE.findMessageTypeByName("MetricConfig");
  private static final Descriptor DIMENSION = METRIC.findNestedTypeByName("DimensionsEntry");

  /** Istio's metric enum names and the Prometheus metric each configures. */
  static final Map<String, String> PROMETHEUS_NAMES = Map.of(
      "REQUEST_COUNT", "requests_total",
      "REQUEST_DURATION", "request_duration_milliseconds",
      "REQUEST_SIZE", "request_bytes",
      "RESPONSE_SIZE", "response_bytes",
      "TCP_OPENED_CONNECTIONS", "tcp_connections_opened_total",
      "TCP_CLOSED_CONNECTIONS", "tcp_connections_closed_total",
      "TCP_SENT_BYTES", "tcp_sent_bytes_total",
      "TCP_RECEIVED_BYTES", "tcp_received_bytes_total",
      "GRPC_REQUEST_MESSAGES", "request_messages_total",
      "GRPC_RESPONSE_MESSAGES", "response_messages_total");

  /** The packed config, or empty when the class's metrics are disabled. */
  static Optional<Any> of(ListenerClass c, ProviderMetrics metrics) {
    ModeMetrics mode = metrics.forClass(c);
    if (mode.disabled()) {
      return Optional.empty();
    }
    DynamicMessage.Builder b = DynamicMessage.newBuilder(PLUGIN);
    if (c != ListenerClass.SIDECAR_OUTBOUND) {
      b.setField(PLUGIN.findFieldByName("disable_host_header_fallback"), true);
    }
    metrics.reportingInterval().ifPresent(d -> b.setField(PLUGIN.findFieldByName("tcp_reporting_duration"),
        Clusters.duration(d)));
    FieldDescriptor list = PLUGIN.findFieldByName("metrics");
    for (MetricOverride o : mode.overrides()) {
      b.addRepeatedField(list, metric(o));
    }
    return Optional.of(Any.pack(b.build()));
  }

  private static DynamicMessage metric(MetricOverride o) {
    DynamicMessage.Builder m = DynamicMessage.newBuilder(METRIC)
        .setField(METRIC.findFieldByName("name"), PROMETHEUS_NAMES.getOrDefault(o.name(), o.name()));
    if (o.disabled()) {
      m.setField(METRIC.findFieldByName("drop"), true);
    }
    for (TagOverride t : o.tags()) {
      if (t.remove()) {
        m.addRepeatedField(METRIC.findFieldByName("tags_to_remove"), t.name());
      } else {
        m.addRepeatedField(METRIC.findFieldByName("dimensions"), DynamicMessage.newBuilder(DIMENSION)
            .setField(DIMENSION.findFieldByName("key"), t.name())
            .setField(DIMENSION.findFieldByName("value"), t.value()).build());
      }
    }
    return m.build();
  }
}
