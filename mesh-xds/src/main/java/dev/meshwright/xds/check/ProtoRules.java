package dev.meshwright.xds.check;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.envoyproxy.pgv.validate.Validate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a message against the protoc-gen-validate rules declared in the Envoy protos ({@code (validate.rules)}
 * on fields, {@code (validate.required)} on oneofs), as Envoy does when it accepts a resource. Nested messages,
 * repeated and map fields are checked recursively, and {@code Any} payloads whose type {@link TypeRegistry} knows
 * are unpacked and checked too. Every violation is returned with its field path; nothing is thrown. A valid
 * message is recognised in one pass over its wire form ({@link WireRules}); only a message that pass cannot vouch
 * for is walked by reflection, which finds and names the violations.
 * Stateless and thread-safe.
 */
public final class ProtoRules {
  private final TypeRegistry types;

  /**
   * Required fields that a deprecated sibling stands in for, as Envoy and gRPC accept it: proxyless gRPC's
   * combined validation context names its root by certificate provider instance (what istiod sends), not by SDS.
   */
  private static final java.util.Map<String, String> STANDS_IN = java.util.Map.of(
      "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext"
          + ".validation_context_sds_secret_config", "validation_context_certificate_provider_instance");

  /** The rules of each field, read once (option extensions are costly to look up per message). */
  private static final java.util.Map<FieldDescriptor, FieldRules> RULES = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per message type: skipped entirely ({@code disabled}/{@code ignored}). */
  private static final java.util.Map<Descriptor, Boolean> SKIPPED = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per message type: its oneofs that must be set. */
  private static final java.util.Map<Descriptor, List<OneofDescriptor>> REQUIRED_ONEOFS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final WireRules fast;

  private ProtoRules(TypeRegistry types) {
    this.types = types;
    this.fast = new WireRules(types);
  }

  /** The rules of field {@code f}, read once. */
  static FieldRules rules(FieldDescriptor f) {
    return RULES.computeIfAbsent(f, x -> x.getOptions().getExtension(Validate.rules));
  }

  /** Whether messages of type {@code d} are not checked at all ({@code disabled} or {@code ignored}). */
  static boolean skipped(Descriptor d) {
    return SKIPPED.computeIfAbsent(d, x -> x.getOptions().getExtension(Validate.disabled)
        || x.getOptions().getExtension(Validate.ignored));
  }

  /** The oneofs of {@code d} one field of which must be set. */
  static List<OneofDescriptor> requiredOneofs(Descriptor d) {
    return REQUIRED_ONEOFS.computeIfAbsent(d, x -> x.getRealOneofs().stream()
        .filter(one -> one.getOptions().getExtension(Validate.required)).toList());
  }

  /** A checker that unpacks {@code Any} payloads of the types {@code types} knows. */
  public static ProtoRules with(TypeRegistry types) {
    return new ProtoRules(types);
  }

  /** The violations in {@code message}, each {@code path: problem}; empty when it is valid. */
  public List<String> violations(Message message) {
    return fast.valid(message) ? List.of() : walk(message);
  }

  /**
   * The violations in {@code message}, whose serialization {@code bytes} already holds (as an
   * {@code XdsResource} keeps it): the wire pass reads those bytes instead of serializing the message again.
   */
  List<String> violations(Message message, com.google.protobuf.ByteString bytes) {
    return fast.valid(message, bytes) ? List.of() : walk(message);
  }

  /** The violations found by the reflective walk alone (what {@link #violations} falls back to). */
  List<String> walk(Message message) {
    List<String> out = new ArrayList<>();
    check(message, "", out, 0);
    return out;
  }

  private void check(Message m, String path, List<String> out, int depth) {
    if (depth > 64) {
      return;
    }
    Descriptor d = m.getDescriptorForType();
    if (skipped(d)) {
      return;
    }
    if (d.getFullName().equals(Any.getDescriptor().getFullName())) {
      try {
        checkAny(m instanceof Any any ? any : Any.parseFrom(m.toByteString()), path, out, depth);
      } catch (InvalidProtocolBufferException e) {
        out.add(path + ": malformed Any: " + e.getMessage());
      }
      return;
    }
    for (OneofDescriptor o : requiredOneofs(d)) {
      if (!m.hasOneof(o)) {
        out.add(at(path, o.getName()) + ": exactly one field is required in oneof");
      }
    }
    for (FieldDescriptor f : d.getFields()) {
      if (f.getRealContainingOneof() != null && !m.hasField(f)) {
        continue;
      }
      String fp = at(path, f.getName());
      FieldRules rules = rules(f);
      if (f.isMapField()) {
        checkMap(m, f, rules, fp, out, depth);
      } else if (f.isRepeated()) {
        checkRepeated(m, f, rules, fp, out, depth);
      } else {
        checkSingle(m, f, rules, fp, out, depth);
      }
    }
  }

  private void checkAny(Any any, String path, List<String> out, int depth) {
    types.find(any.getTypeUrl()).ifPresent(desc -> {
      try {
        check(DynamicMessage.parseFrom(desc, any.getValue()), path, out, depth + 1);
      } catch (InvalidProtocolBufferException e) {
        out.add(path + ": Any of type " + any.getTypeUrl() + " does not parse: " + e.getMessage());
      }
    });
  }

  private void checkSingle(Message m, FieldDescriptor f, FieldRules rules, String fp, List<String> out,
      int depth) {
    boolean isMessage = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
    boolean present = isMessage || f.hasPresence() ? m.hasField(f) : true;
    if (isMessage) {
      if (rules.hasMessage() && rules.getMessage().getRequired() && !present && !stoodIn(m, f)) {
        out.add(fp + ": value is required");
      }
      if (rules.hasDuration() && rules.getDuration().getRequired() && !present) {
        out.add(fp + ": value is required");
      }
      if (rules.hasAny() && rules.getAny().getRequired() && !present) {
        out.add(fp + ": value is required");
      }
      if (rules.hasTimestamp() && rules.getTimestamp().getRequired() && !present) {
        out.add(fp + ": value is required");
      }
      if (!present) {
        return;
      }
      Message value = (Message) m.getField(f);
      if (!(rules.hasMessage() && rules.getMessage().getSkip())) {
        ValueRules.checkMessageValue(value, rules, fp, out);
        check(value, fp, out, depth + 1);
      }
      return;
    }
    if (!present) {
      return;
    }
    ValueRules.checkScalar(m.getField(f), f, rules, fp, out);
  }

  private void checkRepeated(Message m, FieldDescriptor f, FieldRules rules, String fp, List<String> out,
      int depth) {
    int n = m.getRepeatedFieldCount(f);
    if (rules.hasRepeated()) {
      Validate.RepeatedRules r = rules.getRepeated();
      if (r.getIgnoreEmpty() && n == 0) {
        return;
      }
      if (r.hasMinItems() && n < r.getMinItems()) {
        out.add(fp + ": value must contain at least " + r.getMinItems() + " item(s)");
      }
      if (r.hasMaxItems() && n > r.getMaxItems()) {
        out.add(fp + ": value must contain no more than " + r.getMaxItems() + " item(s)");
      }
      if (r.getUnique() && new java.util.HashSet<>((List<?>) m.getField(f)).size() != n) {
        out.add(fp + ": repeated value must contain unique items");
      }
    }
    FieldRules items = rules.hasRepeated() && rules.getRepeated().hasItems() ? rules.getRepeated().getItems()
        : FieldRules.getDefaultInstance();
    for (int i = 0; i < n; i++) {
      Object v = m.getRepeatedField(f, i);
      String ip = fp + "[" + i + "]";
      if (v instanceof Message msg) {
        ValueRules.checkMessageValue(msg, items, ip, out);
        check(msg, ip, out, depth + 1);
      } else {
        ValueRules.checkScalar(v, f, items, ip, out);
      }
    }
  }

  private void checkMap(Message m, FieldDescriptor f, FieldRules rules, String fp, List<String> out, int depth) {
    int n = m.getRepeatedFieldCount(f);
    if (rules.hasMap()) {
      Validate.MapRules r = rules.getMap();
      if (r.getIgnoreEmpty() && n == 0) {
        return;
      }
      if (r.hasMinPairs() && n < r.getMinPairs()) {
        out.add(fp + ": value must contain at least " + r.getMinPairs() + " pair(s)");
      }
      if (r.hasMaxPairs() && n > r.getMaxPairs()) {
        out.add(fp + ": value must contain no more than " + r.getMaxPairs() + " pair(s)");
      }
    }
    FieldDescriptor valueField = f.getMessageType().findFieldByName("value");
    for (int i = 0; i < n; i++) {
      Message entry = (Message) m.getRepeatedField(f, i);
      Object key = entry.getField(f.getMessageType().findFieldByName("key"));
      Object value = entry.getField(valueField);
      String ep = fp + "[" + key + "]";
      if (value instanceof Message msg) {
        check(msg, ep, out, depth + 1);
      }
      if (rules.hasMap() && rules.getMap().hasValues() && !(value instanceof Message)) {
        ValueRules.checkScalar(value, valueField, rules.getMap().getValues(), ep, out);
      }
    }
  }

  private static boolean stoodIn(Message m, FieldDescriptor f) {
    String sibling = STANDS_IN.get(f.getFullName());
    if (sibling == null) {
      return false;
    }
    FieldDescriptor s = m.getDescriptorForType().findFieldByName(sibling);
    return s != null && m.hasField(s);
  }

  static String at(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
