package dev.meshwright.xds.check;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import io.envoyproxy.pgv.validate.Validate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The protoc-gen-validate rules for one value: numbers, strings, bytes, enums, durations, wrappers, Any. */
final class ValueRules {
  private ValueRules() {}

  private static final Set<String> WRAPPERS = Set.of("google.protobuf.UInt32Value", "google.protobuf.UInt64Value",
      "google.protobuf.Int32Value", "google.protobuf.Int64Value", "google.protobuf.DoubleValue",
      "google.protobuf.FloatValue", "google.protobuf.StringValue", "google.protobuf.BoolValue",
      "google.protobuf.BytesValue");

  /** Rules that apply to a present message value: wrapper scalars, durations, Any type lists. */
  static void checkMessageValue(Message value, FieldRules rules, String path, List<String> out) {
    String type = value.getDescriptorForType().getFullName();
    if (WRAPPERS.contains(type)) {
      FieldDescriptor inner = value.getDescriptorForType().findFieldByName("value");
      checkScalar(value.getField(inner), inner, rules, path, out);
    } else if (value instanceof Duration d && rules.hasDuration()) {
      checkDuration(d, rules.getDuration(), path, out);
    } else if (value instanceof Any any && rules.hasAny()) {
      Validate.AnyRules r = rules.getAny();
      if (!r.getInList().isEmpty() && !r.getInList().contains(any.getTypeUrl())) {
        out.add(path + ": type URL must be in list " + r.getInList());
      }
      if (r.getNotInList().contains(any.getTypeUrl())) {
        out.add(path + ": type URL must not be in list " + r.getNotInList());
      }
    }
  }

  /** Rules for a scalar value of field {@code f}. */
  static void checkScalar(Object v, FieldDescriptor f, FieldRules rules, String path, List<String> out) {
    switch (rules.getTypeCase()) {
      case STRING -> StringRules.check((String) v, rules.getString(), path, out);
      case BYTES -> checkBytes((ByteString) v, rules.getBytes(), path, out);
      case ENUM -> checkEnum((EnumValueDescriptor) v, rules.getEnum(), path, out);
      case BOOL -> {
        if (rules.getBool().hasConst() && rules.getBool().getConst() != (Boolean) v) {
          out.add(path + ": value must equal " + rules.getBool().getConst());
        }
      }
      case TYPE_NOT_SET, REPEATED, MAP, ANY, DURATION, TIMESTAMP -> { }
      default -> checkNumber(unsigned(f) ? unsignedNumber(v) : number(v), numberRules(rules), path, out);
    }
  }

  private static BigDecimal number(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    return v instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
  }

  private static boolean unsigned(FieldDescriptor f) {
    return switch (f.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
  }

  private static BigDecimal unsignedNumber(Object v) {
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(Integer.toUnsignedLong(i));
    }
    if (v instanceof Long l) {
      return new BigDecimal(Long.toUnsignedString(l));
    }
    return number(v);
  }

  private static Message numberRules(FieldRules rules) {
    FieldDescriptor which = FieldRules.getDescriptor().findFieldByNumber(rules.getTypeCase().getNumber());
    return (Message) rules.getField(which);
  }

  /** One numeric rule set read once: const / lt / lte / gt / gte / in / not_in (null when unset). */
  private record NumberRule(boolean ignoreEmpty, BigDecimal c, BigDecimal lt, BigDecimal lte, BigDecimal gt,
      BigDecimal gte, List<?> in, List<?> notIn) {
    static NumberRule of(Message r) {
      FieldDescriptor in = r.getDescriptorForType().findFieldByName("in");
      FieldDescriptor notIn = r.getDescriptorForType().findFieldByName("not_in");
      return new NumberRule(bool(r, "ignore_empty"), num(r, "const"), num(r, "lt"), num(r, "lte"), num(r, "gt"),
          num(r, "gte"), in == null ? List.of() : List.copyOf((List<?>) r.getField(in)),
          notIn == null ? List.of() : List.copyOf((List<?>) r.getField(notIn)));
    }
  }

  private static final java.util.Map<Message, NumberRule> NUMBER_RULES = new java.util.concurrent.ConcurrentHashMap<>();

  /** const / lt / lte / gt / gte / in / not_in, read by field name so every numeric rule type shares it. */
  private static void checkNumber(BigDecimal v, Message rules, String path, List<String> out) {
    NumberRule r = NUMBER_RULES.computeIfAbsent(rules, NumberRule::of);
    if (r.ignoreEmpty() && v.signum() == 0) {
      return;
    }
    BigDecimal c = r.c();
    if (c != null && v.compareTo(c) != 0) {
      out.add(path + ": value must equal " + c);
    }
    BigDecimal lt = r.lt();
    BigDecimal lte = r.lte();
    BigDecimal gt = r.gt();
    BigDecimal gte = r.gte();
    BigDecimal upper = lt != null ? lt : lte;
    BigDecimal lower = gt != null ? gt : gte;
    boolean belowUpper = upper == null || (lt != null ? v.compareTo(lt) < 0 : v.compareTo(lte) <= 0);
    boolean aboveLower = lower == null || (gt != null ? v.compareTo(gt) > 0 : v.compareTo(gte) >= 0);
    boolean exclusive = upper != null && lower != null && lower.compareTo(upper) > 0;
    if (exclusive ? !(belowUpper || aboveLower) : !(belowUpper && aboveLower)) {
      out.add(path + ": value " + v.toPlainString() + " must be " + range(lt, lte, gt, gte, exclusive));
    }
    if (!r.in().isEmpty() && r.in().stream().noneMatch(x -> number(x).compareTo(v) == 0)) {
      out.add(path + ": value must be in list " + r.in());
    }
    if (r.notIn().stream().anyMatch(x -> number(x).compareTo(v) == 0)) {
      out.add(path + ": value must not be in list " + r.notIn());
    }
  }

  private static String range(BigDecimal lt, BigDecimal lte, BigDecimal gt, BigDecimal gte, boolean exclusive) {
    String low = gt != null ? "greater than " + gt : gte != null ? "greater than or equal to " + gte : null;
    String high = lt != null ? "less than " + lt : lte != null ? "less than or equal to " + lte : null;
    if (low != null && high != null) {
      return low + (exclusive ? " or " : " and ") + high;
    }
    return low != null ? low : high;
  }

  private static BigDecimal num(Message r, String name) {
    FieldDescriptor f = r.getDescriptorForType().findFieldByName(name);
    return f != null && !f.isRepeated() && r.hasField(f) ? number(r.getField(f)) : null;
  }

  private static boolean bool(Message r, String name) {
    FieldDescriptor f = r.getDescriptorForType().findFieldByName(name);
    return f != null && Boolean.TRUE.equals(r.getField(f));
  }

  private static void checkEnum(EnumValueDescriptor v, Validate.EnumRules r, String path, List<String> out) {
    if (r.getDefinedOnly() && v.getType().findValueByNumber(v.getNumber()) == null) {
      out.add(path + ": value must be one of the defined enum values");
    }
    if (r.hasConst() && v.getNumber() != r.getConst()) {
      out.add(path + ": value must equal " + r.getConst());
    }
    if (!r.getInList().isEmpty() && !r.getInList().contains(v.getNumber())) {
      out.add(path + ": value must be in list " + r.getInList());
    }
    if (r.getNotInList().contains(v.getNumber())) {
      out.add(path + ": value must not be in list " + r.getNotInList());
    }
  }

  private static void checkBytes(ByteString v, Validate.BytesRules r, String path, List<String> out) {
    if (r.getIgnoreEmpty() && v.isEmpty()) {
      return;
    }
    if (r.hasMinLen() && v.size() < r.getMinLen()) {
      out.add(path + ": value length must be at least " + r.getMinLen() + " bytes");
    }
    if (r.hasMaxLen() && v.size() > r.getMaxLen()) {
      out.add(path + ": value length must be at most " + r.getMaxLen() + " bytes");
    }
    if (r.hasLen() && v.size() != r.getLen()) {
      out.add(path + ": value length must be " + r.getLen() + " bytes");
    }
    if (r.hasPattern()) {
      StringRules.checkPattern(v.toString(StandardCharsets.ISO_8859_1), r.getPattern(), path, out);
    }
  }

  private static void checkDuration(Duration d, Validate.DurationRules r, String path, List<String> out) {
    long v = d.getSeconds() * 1_000_000_000L + d.getNanos();
    if (r.hasConst() && v != nanos(r.getConst())) {
      out.add(path + ": value must equal " + r.getConst());
    }
    Long lt = r.hasLt() ? nanos(r.getLt()) : null;
    Long lte = r.hasLte() ? nanos(r.getLte()) : null;
    Long gt = r.hasGt() ? nanos(r.getGt()) : null;
    Long gte = r.hasGte() ? nanos(r.getGte()) : null;
    checkNumber(BigDecimal.valueOf(v), Validate.Int64Rules.newBuilder()
        .mergeFrom(int64(lt, lte, gt, gte)).build(), path, out);
  }

  private static Validate.Int64Rules int64(Long lt, Long lte, Long gt, Long gte) {
    Validate.Int64Rules.Builder b = Validate.Int64Rules.newBuilder();
    if (lt != null) {
      b.setLt(lt);
    }
    if (lte != null) {
      b.setLte(lte);
    }
    if (gt != null) {
      b.setGt(gt);
    }
    if (gte != null) {
      b.setGte(gte);
    }
    return b.build();
  }

  private static long nanos(Duration d) {
    return d.getSeconds() * 1_000_000_000L + d.getNanos();
  }

  static Pattern compile(String re2) {
    try {
      return Pattern.compile(re2);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }
}
