package dev.meshwright.xds;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Descriptors of the Istio-proxy filter configs istiod sends as typed (not {@code TypedStruct}) payloads and that no
 * Java artifact publishes: {@code istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig} (Istio's
 * {@code istio.alpn} filter). Built from field numbers, so config dumps print them like the rest.
 */
final class IstioTypes {
  private IstioTypes() {}

  private static final String ALPN_PACKAGE = "istio.envoy.config.filter.http.alpn.v2alpha1";

  /** The file of {@code FilterConfig { repeated AlpnOverride alpn_override = 1; }}. */
  static FileDescriptor alpnFile() {
    DescriptorProto override = DescriptorProto.newBuilder().setName("AlpnOverride")
        .addField(field("upstream_protocol", 1, FieldDescriptorProto.Type.TYPE_ENUM,
            "." + ALPN_PACKAGE + ".FilterConfig.Protocol", false))
        .addField(field("alpn_override", 2, FieldDescriptorProto.Type.TYPE_STRING, null, true))
        .build();
    EnumDescriptorProto protocol = EnumDescriptorProto.newBuilder().setName("Protocol")
        .addValue(EnumValueDescriptorProto.newBuilder().setName("HTTP10").setNumber(0))
        .addValue(EnumValueDescriptorProto.newBuilder().setName("HTTP11").setNumber(1))
        .addValue(EnumValueDescriptorProto.newBuilder().setName("HTTP2").setNumber(2))
        .build();
    DescriptorProto config = DescriptorProto.newBuilder().setName("FilterConfig")
        .addNestedType(override).addEnumType(protocol)
        .addField(field("alpn_override", 1, FieldDescriptorProto.Type.TYPE_MESSAGE,
            "." + ALPN_PACKAGE + ".FilterConfig.AlpnOverride", true))
        .build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("envoy/config/filter/http/alpn/v2alpha1/"
        + "config.proto").setPackage(ALPN_PACKAGE).setSyntax("proto3").addMessageType(config).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the ALPN filter descriptor is malformed", e);
    }
  }

  private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type,
      String typeName, boolean repeated) {
    FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(repeated ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .setJsonName(jsonName(name));
    if (typeName != null) {
      b.setTypeName(typeName);
    }
    return b.build();
  }

  private static String jsonName(String snake) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }
}
