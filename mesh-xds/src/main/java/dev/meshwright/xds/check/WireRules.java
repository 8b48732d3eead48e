package dev.meshwright.xds.check;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast path of {@link ProtoRules}: the same validate rules, checked in one pass over the message's wire form
 * instead of through protobuf reflection (which costs a reflective call per field of every message). It only
 * answers "valid": whenever a rule is broken, or the bytes hold anything it does not follow exactly (groups, a
 * repeated singular field, unique-item rules, deep nesting), it answers "not known to be valid" and
 * {@link ProtoRules} runs its reflective walk, which names every violation. Scalar and message-value rules are
 * those of {@link ValueRules}, applied to the values reflection would return. Sub-messages of a type no rule can
 * reach ({@link RuleFreeTypes}: metadata structs, most of a filter's config) are stepped over unread.
 * Stateless and thread-safe.
 */
final class WireRules {
  private static final int MAX_DEPTH = 60;
  private static final List<String> SINK = new NoList();
  private static final Map<Descriptor, Plan> PLANS = new ConcurrentHashMap<>();

  private final TypeRegistry types;

  WireRules(TypeRegistry types) {
    this.types = types;
  }

  /** Thrown inside the walk when the answer is "not known to be valid". */
  private static final class Unsure extends Exception {
    private static final Unsure INSTANCE = new Unsure();

    private Unsure() {
      super(null, null, false, false);
    }
  }

  /** What the walk needs of one message type, read once. */
  private record Plan(boolean skipped, boolean any, FieldDescriptor[] byNumber, FieldRules[] rules,
      List<FieldDescriptor> checkedWhenAbsent, List<OneofDescriptor> requiredOneofs) {}

  /** Whether {@code m} breaks none of the rules; false also means "could not tell" (see the class comment). */
  boolean valid(Message m) {
    return valid(m, m.toByteString());
  }

  /**
   * Whether {@code m} breaks none of the rules, reading {@code bytes}, which must be a serialization of {@code m}
   * (any field order: the rules read each field on its own); a caller that holds one saves serializing again.
   */
  boolean valid(Message m, ByteString bytes) {
    try {
      CodedInputStream in = bytes.newCodedInput();
      in.enableAliasing(true);
      check(m.getDescriptorForType(), in, 0);
      return true;
    } catch (Unsure | IOException | RuntimeException e) {
      return false;
    }
  }

  private static Plan plan(Descriptor d) {
    Plan p = PLANS.get(d);
    if (p == null) {
      p = build(d);
      PLANS.putIfAbsent(d, p);
    }
    return p;
  }

  private static Plan build(Descriptor d) {
    int max = 0;
    for (FieldDescriptor f : d.getFields()) {
      max = Math.max(max, f.getNumber());
    }
    FieldDescriptor[] byNumber = new FieldDescriptor[max + 1];
    FieldRules[] rules = new FieldRules[max + 1];
    List<FieldDescriptor> absent = new ArrayList<>();
    for (FieldDescriptor f : d.getFields()) {
      byNumber[f.getNumber()] = f;
      rules[f.getNumber()] = ProtoRules.rules(f);
      if (!rules[f.getNumber()].equals(FieldRules.getDefaultInstance())) {
        absent.add(f);
      }
    }
    return new Plan(ProtoRules.skipped(d), d.getFullName().equals(Any.getDescriptor().getFullName()), byNumber,
        rules, List.copyOf(absent), ProtoRules.requiredOneofs(d));
  }

  /** Checks the message of type {@code d} whose fields {@code in} holds up to its current limit. */
  private void check(Descriptor d, CodedInputStream in, int depth) throws IOException, Unsure {
    Plan plan = plan(d);
    if (plan.skipped()) {
      in.skipMessage();
      return;
    }
    if (depth > MAX_DEPTH) {
      throw Unsure.INSTANCE;
    }
    if (plan.any()) {
      checkAny(in, depth);
      return;
    }
    int[] seen = new int[plan.byNumber().length];
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      int number = WireFormat.getTagFieldNumber(tag);
      FieldDescriptor f = number < plan.byNumber().length ? plan.byNumber()[number] : null;
      if (f == null) {
        in.skipField(tag);
        continue;
      }
      FieldRules rules = plan.rules()[number];
      int wire = WireFormat.getTagWireType(tag);
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (wire != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          throw Unsure.INSTANCE;
        }
        seen[number]++;
        if (!f.isRepeated() && seen[number] > 1) {
          throw Unsure.INSTANCE;
        }
        message(f, rules, in, depth);
      } else if (f.isRepeated() && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED && f.isPackable()) {
        int old = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
          seen[number]++;
          scalar(f, itemRules(rules), read(f, in));
        }
        in.popLimit(old);
      } else {
        if (wire != f.getLiteType().getWireType()) {
          throw Unsure.INSTANCE;
        }
        seen[number]++;
        if (!f.isRepeated() && seen[number] > 1) {
          throw Unsure.INSTANCE;
        }
        scalar(f, f.isRepeated() ? itemRules(rules) : rules, read(f, in));
      }
    }
    for (OneofDescriptor o : plan.requiredOneofs()) {
      boolean set = false;
      for (FieldDescriptor f : o.getFields()) {
        set |= seen[f.getNumber()] > 0;
      }
      if (!set) {
        throw Unsure.INSTANCE;
      }
    }
    for (FieldDescriptor f : plan.checkedWhenAbsent()) {
      counted(f, plan.rules()[f.getNumber()], seen[f.getNumber()]);
    }
  }

  /** The rules that depend on how often a field occurred: required, item and pair counts, absent scalars. */
  private static void counted(FieldDescriptor f, FieldRules rules, int n) throws Unsure {
    if (n == 0 && f.getRealContainingOneof() != null) {
      return;
    }
    if (f.isMapField()) {
      if (rules.hasMap() && !(rules.getMap().getIgnoreEmpty() && n == 0)
          && ((rules.getMap().hasMinPairs() && n < rules.getMap().getMinPairs())
          || (rules.getMap().hasMaxPairs() && n > rules.getMap().getMaxPairs()))) {
        throw Unsure.INSTANCE;
      }
    } else if (f.isRepeated()) {
      if (rules.hasRepeated() && !(rules.getRepeated().getIgnoreEmpty() && n == 0)
          && ((rules.getRepeated().hasMinItems() && n < rules.getRepeated().getMinItems())
          || (rules.getRepeated().hasMaxItems() && n > rules.getRepeated().getMaxItems())
          || (rules.getRepeated().getUnique() && n > 1))) {
        throw Unsure.INSTANCE;
      }
    } else if (n == 0) {
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        boolean required = (rules.hasMessage() && rules.getMessage().getRequired())
            || (rules.hasDuration() && rules.getDuration().getRequired())
            || (rules.hasAny() && rules.getAny().getRequired())
            || (rules.hasTimestamp() && rules.getTimestamp().getRequired());
        if (required) {
          throw Unsure.INSTANCE;
        }
      } else if (f.getRealContainingOneof() == null && !f.hasPresence()) {
        scalar(f, rules, f.getDefaultValue());
      }
    }
  }

  private void message(FieldDescriptor f, FieldRules rules, CodedInputStream in, int depth)
      throws IOException, Unsure {
    int old = in.pushLimit(in.readRawVarint32());
    if (f.isMapField()) {
      if (!(rules.hasMap() && rules.getMap().hasValues()) && RuleFreeTypes.contains(f.getMessageType())) {
        in.skipRawBytes(in.getBytesUntilLimit());
      } else {
        mapEntry(f, rules, in, depth);
      }
    } else {
      FieldRules valueRules = f.isRepeated() ? itemRules(rules) : rules;
      Descriptor type = f.getMessageType();
      if (needsValue(type, valueRules)) {
        ByteString bytes = ByteString.copyFrom(in.readRawBytes(in.getBytesUntilLimit()));
        ValueRules.checkMessageValue(parse(type, bytes), valueRules, "", SINK);
        if (f.isRepeated() || !(rules.hasMessage() && rules.getMessage().getSkip())) {
          CodedInputStream sub = bytes.newCodedInput();
          sub.enableAliasing(true);
          check(type, sub, depth + 1);
        }
      } else if ((!f.isRepeated() && rules.hasMessage() && rules.getMessage().getSkip())
          || RuleFreeTypes.contains(type)) {
        in.skipRawBytes(in.getBytesUntilLimit());
      } else {
        check(type, in, depth + 1);
      }
    }
    in.popLimit(old);
  }

  /** Whether the message-value rules of {@link ValueRules#checkMessageValue} need the parsed value. */
  private static boolean needsValue(Descriptor type, FieldRules rules) {
    if (rules.getTypeCase() == FieldRules.TypeCase.TYPE_NOT_SET) {
      return false;
    }
    String name = type.getFullName();
    return name.startsWith("google.protobuf.") && (name.endsWith("Value") || name.equals("google.protobuf.Duration")
        || name.equals("google.protobuf.Any"));
  }

  private static Message parse(Descriptor type, ByteString bytes) throws IOException {
    return switch (type.getFullName()) {
      case "google.protobuf.Duration" -> Duration.parseFrom(bytes);
      case "google.protobuf.Any" -> Any.parseFrom(bytes);
      default -> DynamicMessage.parseFrom(type, bytes);
    };
  }

  private void mapEntry(FieldDescriptor f, FieldRules rules, CodedInputStream in, int depth)
      throws IOException, Unsure {
    Descriptor entry = f.getMessageType();
    FieldDescriptor valueField = entry.findFieldByNumber(2);
    boolean valueSeen = false;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      if (WireFormat.getTagFieldNumber(tag) != 2) {
        in.skipField(tag);
        continue;
      }
      valueSeen = true;
      if (valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        int old = in.pushLimit(in.readRawVarint32());
        check(valueField.getMessageType(), in, depth + 1);
        in.popLimit(old);
      } else {
        Object v = read(valueField, in);
        if (rules.hasMap() && rules.getMap().hasValues()) {
          scalar(valueField, rules.getMap().getValues(), v);
        }
      }
    }
    if (!valueSeen && valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      check(valueField.getMessageType(), CodedInputStream.newInstance(new byte[0]), depth + 1);
    } else if (!valueSeen && rules.hasMap() && rules.getMap().hasValues()) {
      scalar(valueField, rules.getMap().getValues(), valueField.getDefaultValue());
    }
  }

  private void checkAny(CodedInputStream in, int depth) throws IOException, Unsure {
    String typeUrl = "";
    ByteString value = ByteString.EMPTY;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> typeUrl = in.readStringRequireUtf8();
        case 2 -> value = in.readBytes();
        default -> in.skipField(tag);
      }
    }
    java.util.Optional<Descriptor> type = types.find(typeUrl);
    if (type.isPresent() && !RuleFreeTypes.contains(type.get())) {
      CodedInputStream sub = value.newCodedInput();
      sub.enableAliasing(true);
      check(type.get(), sub, depth + 1);
    }
  }

  private static FieldRules itemRules(FieldRules rules) {
    return rules.hasRepeated() && rules.getRepeated().hasItems() ? rules.getRepeated().getItems()
        : FieldRules.getDefaultInstance();
  }

  private static void scalar(FieldDescriptor f, FieldRules rules, Object v) throws Unsure {
    if (rules.getTypeCase() == FieldRules.TypeCase.TYPE_NOT_SET) {
      return;
    }
    ValueRules.checkScalar(v, f, rules, "", SINK);
  }

  /** The value of one scalar field occurrence, as reflection's {@code getField} returns it. */
  private static Object read(FieldDescriptor f, CodedInputStream in) throws IOException {
    return switch (f.getType()) {
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case INT64 -> in.readInt64();
      case UINT64 -> in.readUInt64();
      case INT32 -> in.readInt32();
      case FIXED64 -> in.readFixed64();
      case FIXED32 -> in.readFixed32();
      case BOOL -> in.readBool();
      case STRING -> in.readString();
      case BYTES -> in.readBytes();
      case UINT32 -> in.readUInt32();
      case ENUM -> f.getEnumType().findValueByNumberCreatingIfUnknown(in.readEnum());
      case SFIXED32 -> in.readSFixed32();
      case SFIXED64 -> in.readSFixed64();
      case SINT32 -> in.readSInt32();
      case SINT64 -> in.readSInt64();
      case GROUP, MESSAGE -> throw new IllegalStateException("not a scalar: " + f.getFullName());
    };
  }

  /** A list that reports any addition (a broken message-value rule) as "unsure". */
  private static final class NoList extends java.util.AbstractList<String> {
    @Override
    public String get(int index) {
      throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
      return 0;
    }

    @Override
    public boolean add(String s) {
      throw new Broken();
    }
  }

  /** A message-value rule was broken (reported through {@link NoList}); caught as a RuntimeException. */
  private static final class Broken extends RuntimeException {
    Broken() {
      super(null, null, false, false);
    }
  }
}
