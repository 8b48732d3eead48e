package dev.meshwright.xds;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generated xDS resource: its name, the Envoy message and its version, a content hash of the message's
 * deterministic serialization (so identical content always has the same version, across restarts too).
 *
 * <p>The serialization is done once: {@link #of} hashes the bytes and keeps them, and {@link #any()} packs those
 * same bytes, so a resource sent to a thousand streams is serialized once, not once per response; the same goes for
 * its Delta wrapper ({@link #deltaResource()}). Immutable and
 * thread-safe (the packed form is computed at most once more under a benign race).
 */
public final class XdsResource {
  /** One type URL string per message type, so resources of a type share it (and compare by identity first). */
  private static final Map<Descriptor, String> TYPE_URLS = new ConcurrentHashMap<>();

  /** A SHA-256 digest per thread, reset after each use (looking one up per resource costs more than hashing). */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(XdsResource::newDigest);
  private final String name;
  private final Message message;
  private final String version;
  private final String typeUrl;
  private final boolean contentVersion;
  private volatile ByteString bytes;
  private volatile Any any;
  private volatile Resource delta;

  /**
   * A resource with a version given by the caller.
   *
   * @param name the resource name (cluster, listener, route configuration, ClusterLoadAssignment or secret name)
   * @param message the Envoy proto
   * @param version the version the server reports for it
   */
  public XdsResource(String name, Message message, String version) {
    this(name, message, version, false);
  }

  private XdsResource(String name, Message message, String version, boolean contentVersion) {
    this.name = Objects.requireNonNull(name, "name");
    this.message = Objects.requireNonNull(message, "message");
    this.version = Objects.requireNonNull(version, "version");
    this.typeUrl = TYPE_URLS.computeIfAbsent(message.getDescriptorForType(),
        d -> "type.googleapis.com/" + d.getFullName());
    this.contentVersion = contentVersion;
  }

  private XdsResource(String name, Message message, ByteString bytes) {
    this(name, message, hash(bytes), true);
    this.bytes = bytes;
  }

  /** A resource whose version is the hash of its content: 16 hex digits of the SHA-256 of its serialization. */
  public static XdsResource of(String name, Message message) {
    return new XdsResource(name, message, serialize(message));
  }

  /** The resource name. */
  public String name() {
    return name;
  }

  /** The Envoy message. */
  public Message message() {
    return message;
  }

  /** The version (for {@link #of}: the content hash). */
  public String version() {
    return version;
  }

  /** Whether {@link #version} is the content hash ({@link #of}), so equal versions of one type mean equal content. */
  public boolean versionIsContentHash() {
    return contentVersion;
  }

  /** The message's deterministic serialization (computed once). */
  public ByteString bytes() {
    ByteString b = bytes;
    if (b == null) {
      b = serialize(message);
      bytes = b;
    }
    return b;
  }

  /** The message packed as {@link Any}, as a discovery response carries it (packed once). */
  public Any any() {
    Any a = any;
    if (a == null) {
      a = Any.newBuilder().setTypeUrl(typeUrl()).setValue(bytes()).build();
      any = a;
    }
    return a;
  }

  /**
   * The resource as a Delta response carries it (name, version and packed message), built once: nothing in it
   * depends on the stream, so a thousand streams share one message and its memoized size.
   */
  public Resource deltaResource() {
    Resource r = delta;
    if (r == null) {
      r = Resource.newBuilder().setName(name).setVersion(version).setResource(any()).build();
      delta = r;
    }
    return r;
  }

  /** The type URL of the message. */
  public String typeUrl() {
    return typeUrl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XdsResource r && name.equals(r.name) && version.equals(r.version)
        && message.equals(r.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, message, version);
  }

  @Override
  public String toString() {
    return "XdsResource[name=" + name + ", version=" + version + ", type=" + typeUrl() + "]";
  }

  static String hash(Message message) {
    return hash(serialize(message));
  }

  private static String hash(ByteString bytes) {
    MessageDigest md = SHA256.get();
    md.update(bytes.asReadOnlyByteBuffer());
    return HexFormat.of().formatHex(md.digest(), 0, 8); // digest() resets md for the next resource
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ByteString serialize(Message message) {
    try {
      byte[] out = new byte[message.getSerializedSize()];
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.useDeterministicSerialization();
      message.writeTo(coded);
      coded.checkNoSpaceLeft();
      return UnsafeByteOperations.unsafeWrap(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
