package dev.meshwright.xds.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Map;

/** JSON trees to {@code google.protobuf.Struct} / {@code Value}, numbers as doubles (as proto JSON reads them). */
final class JsonStructs {
  private JsonStructs() {}

  /** {@code object} as a Struct; a non-object gives an empty Struct. */
  static Struct struct(JsonNode object) {
    Struct.Builder b = Struct.newBuilder();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        b.putFields(e.getKey(), value(e.getValue()));
      }
    }
    return b.build();
  }

  /** {@code node} as a Value. */
  static Value value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }
    if (node.isObject()) {
      return Value.newBuilder().setStructValue(struct(node)).build();
    }
    if (node.isArray()) {
      ListValue.Builder list = ListValue.newBuilder();
      node.forEach(n -> list.addValues(value(n)));
      return Value.newBuilder().setListValue(list).build();
    }
    if (node.isBoolean()) {
      return Value.newBuilder().setBoolValue(node.booleanValue()).build();
    }
    if (node.isNumber()) {
      return Value.newBuilder().setNumberValue(node.doubleValue()).build();
    }
    return Value.newBuilder().setStringValue(node.asText()).build();
  }

  /** A string Value. */
  static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }
}
