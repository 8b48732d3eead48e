package dev.meshwright.xds;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Istio's own filter config messages istiod packs into listeners, which no Java artifact ships: their descriptors,
 * declared here from the field numbers of istio/api so that {@link EnvoyTypes} prints them as JSON and generators
 * build them as {@code DynamicMessage}s: {@code istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig} (the
 * {@code istio.alpn} filter) and {@code stats.PluginConfig} (the {@code istio.stats} filters,
 * istio/api {@code envoy/extensions/stats/config.proto}). Immutable.
 */
public final class IstioTypes {
  private IstioTypes() {}

  /** Full name of the {@code istio.alpn} filter's config. */
  public static final String ALPN_FILTER_CONFIG = "istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig";

  /** The file holding {@link #ALPN_FILTER_CONFIG}. */
  public static final FileDescriptor ALPN_FILE = build();

  /** Full name of the {@code istio.stats} filters' config. */
  public static final String STATS_PLUGIN_CONFIG = "stats.PluginConfig";

  /** The file holding {@link #STATS_PLUGIN_CONFIG} and its {@code MetricConfig}. */
  public static final FileDescriptor STATS_FILE = buildStats();

  private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(type).build();
  }

  private static FieldDescriptorProto message(String name, int number, String typeName, boolean repeated) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
        .setLabel(repeated ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .setTypeName(typeName).build();
  }

  private static EnumDescriptorProto enumOf(String name, String... values) {
    EnumDescriptorProto.Builder e = EnumDescriptorProto.newBuilder().setName(name);
    for (int i = 0; i < values.length; i++) {
      e.addValue(EnumValueDescriptorProto.newBuilder().setName(values[i]).setNumber(i));
    }
    return e.build();
  }

  private static FileDescriptor buildStats() {
    FieldDescriptorProto.Type string = FieldDescriptorProto.Type.TYPE_STRING;
    FieldDescriptorProto.Type bool = FieldDescriptorProto.Type.TYPE_BOOL;
    DescriptorProto dimensionsEntry = DescriptorProto.newBuilder().setName("DimensionsEntry")
        .addField(field("key", 1, string)).addField(field("value", 2, string))
        .setOptions(com.google.protobuf.DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true)).build();
    DescriptorProto metricConfig = DescriptorProto.newBuilder().setName("MetricConfig")
        .addNestedType(dimensionsEntry)
        .addField(message("dimensions", 1, ".stats.MetricConfig.DimensionsEntry", true))
        .addField(field("name", 2, string))
        .addField(field("tags_to_remove", 3, string).toBuilder().setLabel(FieldDescriptorProto.Label.LABEL_REPEATED))
        .addField(field("match", 4, string))
        .addField(field("drop", 5, bool)).build();
    DescriptorProto definition = DescriptorProto.newBuilder().setName("MetricDefinition")
        .addField(field("name", 1, string)).addField(field("value", 2, string))
        .addField(field("type", 3, FieldDescriptorProto.Type.TYPE_ENUM).toBuilder().setTypeName(".stats.MetricType"))
        .build();
    String duration = ".google.protobuf.Duration";
    DescriptorProto pluginConfig = DescriptorProto.newBuilder().setName("PluginConfig")
        .addField(field("debug", 1, bool))
        .addField(field("max_peer_cache_size", 2, FieldDescriptorProto.Type.TYPE_INT32))
        .addField(field("stat_prefix", 3, string))
        .addField(field("field_separator", 4, string))
        .addField(field("value_separator", 5, string))
        .addField(field("disable_host_header_fallback", 6, bool))
        .addField(message("tcp_reporting_duration", 7, duration, false))
        .addField(message("metrics", 8, ".stats.MetricConfig", true))
        .addField(message("definitions", 9, ".stats.MetricDefinition", true))
        .addField(field("reporter", 10, FieldDescriptorProto.Type.TYPE_ENUM).toBuilder().setTypeName(".stats.Reporter"))
        .addField(message("rotation_interval", 11, duration, false))
        .addField(message("graceful_deletion_interval", 12, duration, false)).build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("envoy/extensions/stats/config.proto")
        .setPackage("stats").setSyntax("proto3").addDependency("google/protobuf/duration.proto")
        .addEnumType(enumOf("MetricType", "COUNTER", "GAUGE", "HISTOGRAM"))
        .addEnumType(enumOf("Reporter", "UNSPECIFIED", "SERVER_GATEWAY"))
        .addMessageType(metricConfig).addMessageType(definition).addMessageType(pluginConfig).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[] {com.google.protobuf.DurationProto.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the stats.PluginConfig descriptor is a constant", e);
    }
  }

  private static FileDescriptor build() {
    DescriptorProto override = DescriptorProto.newBuilder().setName("AlpnOverride")
        .addField(FieldDescriptorProto.newBuilder().setName("upstream_protocol").setNumber(1)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(FieldDescriptorProto.Type.TYPE_ENUM)
            .setTypeName(".istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig.Protocol"))
        .addField(FieldDescriptorProto.newBuilder().setName("alpn_override").setNumber(2)
            .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setType(FieldDescriptorProto.Type.TYPE_STRING))
        .build();
    DescriptorProto config = DescriptorProto.newBuilder().setName("FilterConfig")
        .addEnumType(EnumDescriptorProto.newBuilder().setName("Protocol")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("HTTP10").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("HTTP11").setNumber(1))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("HTTP2").setNumber(2)))
        .addNestedType(override)
        .addField(FieldDescriptorProto.newBuilder().setName("alpn_override").setNumber(1)
            .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
            .setTypeName(".istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig.AlpnOverride"))
        .build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("envoy/config/filter/http/alpn/v2alpha1/config.proto")
        .setPackage("istio.envoy.config.filter.http.alpn.v2alpha1").setSyntax("proto3").addMessageType(config).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the istio.alpn descriptor is a constant", e);
    }
  }
}
