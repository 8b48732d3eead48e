package dev.meshwright.xds.envoyfilter;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meshwright.xds.EnvoyTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio's MERGE of one proto into another: proto merge semantics (set scalars overwrite, messages merge
 * recursively, repeated fields append, map entries overwrite by key, a oneof takes the source's case) except that a
 * {@code google.protobuf.Duration} is replaced whole, not merged field by field. An {@code Any} merges as a plain
 * message (its payload is replaced); {@link #mergeAny} merges the unpacked payloads instead, as istiod does for
 * filter and transport socket typed configs. Returns new messages; never mutates. Stateless.
 */
final class ProtoMerge {
  private static final String DURATION = "google.protobuf.Duration";

  private ProtoMerge() {}

  /** {@code src} merged into {@code dst}; both must be of the same type. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T merge(T dst, Message src) {
    if (!dst.getDescriptorForType().getFullName().equals(src.getDescriptorForType().getFullName())) {
      throw new IllegalArgumentException("cannot merge " + src.getDescriptorForType().getFullName() + " into "
          + dst.getDescriptorForType().getFullName());
    }
    Message.Builder b = dst.toBuilder();
    mergeInto(b, src);
    return (T) b.build();
  }

  private static void mergeInto(Message.Builder b, Message src) {
    for (Map.Entry<FieldDescriptor, Object> e : src.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.isRepeated()) {
        for (Object v : (List<?>) e.getValue()) {
          b.addRepeatedField(f, v);
        }
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        Message v = (Message) e.getValue();
        if (f.getMessageType().getFullName().equals(DURATION) || !b.hasField(f)) {
          b.setField(f, v);
        } else {
          Message.Builder sub = ((Message) b.getField(f)).toBuilder();
          mergeInto(sub, v);
          b.setField(f, sub.build());
        }
      } else {
        b.setField(f, e.getValue());
      }
    }
    if (!src.getUnknownFields().asMap().isEmpty()) {
      b.mergeUnknownFields(src.getUnknownFields());
    }
  }

  /**
   * The payload of {@code src} merged into the payload of {@code dst}, packed under {@code dst}'s type URL; empty
   * when either payload cannot be unpacked (an unknown type, bytes that do not parse).
   */
  static Optional<Any> mergeAny(Any dst, Any src) {
    Optional<Message> d = unpack(dst);
    Optional<Message> s = unpack(src);
    if (d.isEmpty() || s.isEmpty()
        || !d.get().getDescriptorForType().getFullName().equals(s.get().getDescriptorForType().getFullName())) {
      return Optional.empty();
    }
    Message merged = merge(d.get(), s.get());
    return Optional.of(Any.newBuilder().setTypeUrl(dst.getTypeUrl()).setValue(merged.toByteString()).build());
  }

  private static Optional<Message> unpack(Any any) {
    Optional<Descriptor> type = EnvoyTypes.get().find(any.getTypeUrl());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DynamicMessage.parseFrom(type.get(), any.getValue()));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }
}
