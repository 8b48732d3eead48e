package dev.meshwright.xds;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Walks a message and every {@code Any} inside it, resolving each type URL once, so a printer knows them all. */
final class AnyTypes {
  private AnyTypes() {}

  static void visit(Message m, Function<String, Optional<Descriptor>> resolve) {
    visit(m, resolve, 0);
  }

  private static void visit(Message m, Function<String, Optional<Descriptor>> resolve, int depth) {
    if (depth > 64) {
      return;
    }
    if (m.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName())) {
      Descriptor anyType = m.getDescriptorForType();
      String typeUrl = (String) m.getField(anyType.findFieldByName("type_url"));
      com.google.protobuf.ByteString value = (com.google.protobuf.ByteString) m.getField(anyType.findFieldByName("value"));
      resolve.apply(typeUrl).ifPresent(d -> {
        try {
          visit(DynamicMessage.parseFrom(d, value), resolve, depth + 1);
        } catch (InvalidProtocolBufferException e) {
          // the printer reports it
        }
      });
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      if (e.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (e.getKey().isRepeated()) {
        for (Object o : (List<?>) e.getValue()) {
          visit((Message) o, resolve, depth + 1);
        }
      } else {
        visit((Message) e.getValue(), resolve, depth + 1);
      }
    }
  }
}
