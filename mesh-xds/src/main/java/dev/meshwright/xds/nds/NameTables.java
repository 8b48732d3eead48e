package dev.meshwright.xds.nds;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;
import java.util.Map;

/**
 * The {@code istio.networking.nds.v1.NameTable} message: {@code map<string, NameInfo> table = 1}, with
 * {@code NameInfo {repeated string ips = 1; string registry = 2; string shortname = 3; string namespace = 4}}.
 * Built as a {@link DynamicMessage} from a descriptor assembled from those field numbers. Immutable and thread-safe.
 */
public final class NameTables {
  /** The NDS type URL. */
  public static final String TYPE_URL = "type.googleapis.com/istio.networking.nds.v1.NameTable";

  private static final Descriptor NAME_TABLE = build();
  private static final Descriptor NAME_INFO = NAME_TABLE.findNestedTypeByName("NameInfo");
  private static final Descriptor ENTRY = NAME_TABLE.findNestedTypeByName("TableEntry");

  private NameTables() {}

  /** One host's entry: its IPs, the registry name and, for Kubernetes services, short name and namespace. */
  public record NameInfo(List<String> ips, String registry, String shortname, String namespace) {
    public NameInfo {
      ips = List.copyOf(ips);
    }
  }

  /** The descriptor of {@code NameTable}. */
  public static Descriptor descriptor() {
    return NAME_TABLE;
  }

  /** The message for {@code table} (host → info), entries in key order of the map given. */
  public static DynamicMessage message(Map<String, NameInfo> table) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(NAME_TABLE);
    table.forEach((host, info) -> {
      DynamicMessage.Builder ni = DynamicMessage.newBuilder(NAME_INFO);
      info.ips().forEach(ip -> ni.addRepeatedField(NAME_INFO.findFieldByName("ips"), ip));
      setIfNotEmpty(ni, "registry", info.registry());
      setIfNotEmpty(ni, "shortname", info.shortname());
      setIfNotEmpty(ni, "namespace", info.namespace());
      DynamicMessage entry = DynamicMessage.newBuilder(ENTRY)
          .setField(ENTRY.findFieldByName("key"), host)
          .setField(ENTRY.findFieldByName("value"), ni.build())
          .build();
      b.addRepeatedField(NAME_TABLE.findFieldByName("table"), entry);
    });
    return b.build();
  }

  private static void setIfNotEmpty(DynamicMessage.Builder b, String field, String value) {
    if (!value.isEmpty()) {
      b.setField(NAME_INFO.findFieldByName(field), value);
    }
  }

  private static Descriptor build() {
    DescriptorProto info = DescriptorProto.newBuilder().setName("NameInfo")
        .addField(field("ips", 1, Type.TYPE_STRING, Label.LABEL_REPEATED, null))
        .addField(field("registry", 2, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null))
        .addField(field("shortname", 3, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null))
        .addField(field("namespace", 4, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null))
        .build();
    DescriptorProto entry = DescriptorProto.newBuilder().setName("TableEntry")
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .addField(field("key", 1, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null))
        .addField(field("value", 2, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL, ".istio.networking.nds.v1.NameTable.NameInfo"))
        .build();
    DescriptorProto table = DescriptorProto.newBuilder().setName("NameTable")
        .addNestedType(info).addNestedType(entry)
        .addField(field("table", 1, Type.TYPE_MESSAGE, Label.LABEL_REPEATED,
            ".istio.networking.nds.v1.NameTable.TableEntry"))
        .build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("dns/proto/nds.proto")
        .setPackage("istio.networking.nds.v1").setSyntax("proto3").addMessageType(table).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("NameTable");
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the NameTable descriptor does not build", e);
    }
  }

  private static FieldDescriptorProto field(String name, int number, Type type, Label label, String typeName) {
    FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setType(type).setLabel(label);
    if (typeName != null) {
      b.setTypeName(typeName);
    }
    return b.build();
  }
}
