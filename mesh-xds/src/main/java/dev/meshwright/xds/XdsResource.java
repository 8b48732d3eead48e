package dev.meshwright.xds;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One generated xDS resource: its name, the Envoy message and its version, a content hash of the message's
 * deterministic serialization (so identical content always has the same version, across restarts too). Immutable.
 *
 * @param name the resource name (cluster, listener, route configuration, ClusterLoadAssignment or secret name)
 * @param message the Envoy proto
 * @param version 16 hex digits of the SHA-256 of the deterministic serialization
 */
public record XdsResource(String name, Message message, String version) {
  public XdsResource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(version, "version");
  }

  /** A resource whose version is the hash of its content. */
  public static XdsResource of(String name, Message message) {
    return new XdsResource(name, message, hash(message));
  }

  /** The message packed as {@link Any}, as a discovery response carries it. */
  public Any any() {
    return Any.pack(message);
  }

  /** The type URL of the message. */
  public String typeUrl() {
    return "type.googleapis.com/" + message.getDescriptorForType().getFullName();
  }

  static String hash(Message message) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.getSerializedSize());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      message.writeTo(out);
      out.flush();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
