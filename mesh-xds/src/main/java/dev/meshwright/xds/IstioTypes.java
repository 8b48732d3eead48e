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
 * build them as {@code DynamicMessage}s. Today: {@code istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig}
 * (the {@code istio.alpn} filter). Immutable.
 */
public final class IstioTypes {
  private IstioTypes() {}

  /** Full name of the {@code istio.alpn} filter's config. */
  public static final String ALPN_FILTER_CONFIG = "istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig";

  /** The file holding {@link #ALPN_FILTER_CONFIG}. */
  public static final FileDescriptor ALPN_FILE = build();

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
