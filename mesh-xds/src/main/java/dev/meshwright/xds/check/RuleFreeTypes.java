package dev.meshwright.xds.check;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message types no validate rule can apply anywhere inside: a type that {@link ProtoRules} skips, or one that is
 * not {@code Any}, has no required oneof, no field with rules, and only message-typed fields of such types (types
 * that refer to each other, as {@code Struct} and {@code Value} do, qualify together). A message of such a type is
 * valid whatever it holds, so {@link WireRules} steps over its bytes. Decided once per type; thread-safe.
 */
final class RuleFreeTypes {
  private static final Map<Descriptor, Boolean> FREE = new ConcurrentHashMap<>();

  private RuleFreeTypes() {}

  /** Whether no rule applies anywhere inside a message of type {@code d}. */
  static boolean contains(Descriptor d) {
    Boolean free = FREE.get(d);
    if (free == null) {
      decide(d);
      free = FREE.get(d);
    }
    return free;
  }

  /** Decides {@code root} and every undecided type it reaches: the least fixpoint of "a rule applies inside". */
  private static synchronized void decide(Descriptor root) {
    Set<Descriptor> reached = new LinkedHashSet<>();
    Deque<Descriptor> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Descriptor d = todo.pop();
      if (FREE.containsKey(d) || !reached.add(d) || ProtoRules.skipped(d)) {
        continue;
      }
      for (FieldDescriptor f : d.getFields()) {
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          todo.push(f.getMessageType());
        }
      }
    }
    Set<Descriptor> ruled = new HashSet<>();
    for (Descriptor d : reached) {
      if (!ProtoRules.skipped(d) && hasOwnRules(d)) {
        ruled.add(d);
      }
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (Descriptor d : reached) {
        if (ruled.contains(d) || ProtoRules.skipped(d)) {
          continue;
        }
        for (FieldDescriptor f : d.getFields()) {
          if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              && (ruled.contains(f.getMessageType()) || Boolean.FALSE.equals(FREE.get(f.getMessageType())))) {
            ruled.add(d);
            changed = true;
            break;
          }
        }
      }
    }
    for (Descriptor d : reached) {
      FREE.put(d, !ruled.contains(d));
    }
  }

  private static boolean hasOwnRules(Descriptor d) {
    if (d.getFullName().equals(Any.getDescriptor().getFullName()) || !ProtoRules.requiredOneofs(d).isEmpty()) {
      return true;
    }
    for (FieldDescriptor f : d.getFields()) {
      if (!ProtoRules.rules(f).equals(FieldRules.getDefaultInstance())) {
        return true;
      }
    }
    return false;
  }
}
