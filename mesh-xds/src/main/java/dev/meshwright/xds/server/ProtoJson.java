package dev.meshwright.xds.server;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proto3 JSON of Envoy messages, as Envoy's admin endpoints print them. The {@code Any} fields (filters, transport
 * sockets, typed configs, nested to any depth) are resolved by their type URL to the generated Java class of the
 * Envoy, xDS/UDPA or protobuf API that defines them; an Any whose type is not on the class path is printed by
 * JsonFormat as an error, so this throws {@link IllegalArgumentException} naming it. Stateless and thread-safe.
 */
public final class ProtoJson {
  private ProtoJson() {}

  private static final List<String> JAVA_PREFIXES = List.of("io.envoyproxy.", "com.github.xds.", "com.github.udpa.",
      "com.github.");
  private static final Map<String, Optional<Descriptors.Descriptor>> RESOLVED = new ConcurrentHashMap<>();

  /** {@code message} as indented JSON. */
  public static String print(Message message) {
    Set<Descriptors.Descriptor> types = new HashSet<>();
    collect(message, types);
    JsonFormat.TypeRegistry registry = JsonFormat.TypeRegistry.newBuilder().add(types).build();
    try {
      return JsonFormat.printer().usingTypeRegistry(registry).print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot print as JSON: " + e.getMessage(), e);
    }
  }

  private static void collect(Message m, Set<Descriptors.Descriptor> types) {
    if (m instanceof Any any) {
      resolve(any.getTypeUrl()).ifPresent(d -> {
        types.add(d);
        try {
          collect(DynamicMessage.parseFrom(d, any.getValue()), types);
        } catch (InvalidProtocolBufferException e) {
          // printed as is; JsonFormat reports it
        }
      });
      return;
    }
    for (Map.Entry<Descriptors.FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
      if (f.getKey().getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (f.getValue() instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Message sub) {
            collect(asAny(sub), types);
          }
        }
      } else if (f.getValue() instanceof Message sub) {
        collect(asAny(sub), types);
      }
    }
  }

  /** A DynamicMessage of type Any is turned back into an {@link Any} so its payload is followed too. */
  private static Message asAny(Message m) {
    if (!(m instanceof Any) && m.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName())) {
      try {
        return Any.parseFrom(m.toByteString());
      } catch (InvalidProtocolBufferException e) {
        return m;
      }
    }
    return m;
  }

  private static Optional<Descriptors.Descriptor> resolve(String typeUrl) {
    return RESOLVED.computeIfAbsent(typeUrl, t -> {
      String name = t.substring(t.lastIndexOf('/') + 1);
      for (String prefix : JAVA_PREFIXES) {
        try {
          Class<?> c = Class.forName(prefix + name);
          return Optional.of((Descriptors.Descriptor) c.getMethod("getDescriptor").invoke(null));
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
          // try the next package convention
        }
      }
      return Optional.empty();
    });
  }
}
