package dev.meshwright.xds;

import com.github.udpa.udpa.type.v1.TypedStruct;
import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain Java values as {@code google.protobuf.Struct}s, and the {@code TypedStruct} wrapper Istio packs untyped
 * filter configs in. Maps become structs (keys sorted), lists lists, booleans and numbers themselves, anything else
 * its string. Stateless.
 */
public final class Structs {
  private Structs() {}

  /** {@code fields} as a struct. */
  public static Struct struct(Map<String, Object> fields) {
    Struct.Builder b = Struct.newBuilder();
    new TreeMap<>(fields).forEach((k, v) -> b.putFields(k, value(v)));
    return b.build();
  }

  /** A {@code udpa.type.v1.TypedStruct} of {@code typeUrl} with {@code fields}, as Istio's TypedStructWithFields. */
  public static Any typedStruct(String typeUrl, Map<String, Object> fields) {
    return Any.pack(TypedStruct.newBuilder().setTypeUrl(typeUrl).setValue(struct(fields)).build());
  }

  @SuppressWarnings("unchecked")
  private static Value value(Object v) {
    if (v instanceof Boolean bool) {
      return Value.newBuilder().setBoolValue(bool).build();
    }
    if (v instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    if (v instanceof Map<?, ?> m) {
      return Value.newBuilder().setStructValue(struct((Map<String, Object>) m)).build();
    }
    if (v instanceof List<?> l) {
      ListValue.Builder lb = ListValue.newBuilder();
      l.forEach(x -> lb.addValues(value(x)));
      return Value.newBuilder().setListValue(lb).build();
    }
    return Value.newBuilder().setStringValue(String.valueOf(v)).build();
  }
}
