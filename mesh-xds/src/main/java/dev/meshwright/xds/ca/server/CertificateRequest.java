package dev.meshwright.xds.ca.server;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.Struct;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Istio's {@code istio.v1.auth.IstioCertificateRequest}: {@code csr = 1} (PEM), {@code validity_duration = 3}
 * (seconds), {@code metadata = 4} (a {@link Struct}). Encoded by hand with protobuf's coded streams; unknown fields
 * are skipped. Immutable.
 *
 * @param csr the PEM certificate signing request
 * @param validityDurationSeconds the requested lifetime in seconds, 0 for the default
 * @param metadata request metadata (Istio puts {@code ImpersonatedIdentity} there when a trusted node agent asks
 *     for another identity)
 */
public record CertificateRequest(String csr, long validityDurationSeconds, Struct metadata) {
  public CertificateRequest {
    Objects.requireNonNull(csr, "csr");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** A request without metadata. */
  public static CertificateRequest of(String csr, long validityDurationSeconds) {
    return new CertificateRequest(csr, validityDurationSeconds, Struct.getDefaultInstance());
  }

  /** The wire form. */
  public byte[] toByteArray() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (!csr.isEmpty()) {
        out.writeString(1, csr);
      }
      if (validityDurationSeconds != 0) {
        out.writeInt64(3, validityDurationSeconds);
      }
      if (!metadata.equals(Struct.getDefaultInstance())) {
        out.writeMessage(4, metadata);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the wire form. */
  public static CertificateRequest parse(InputStream in) throws IOException {
    CodedInputStream c = CodedInputStream.newInstance(in);
    String csr = "";
    long validity = 0;
    Struct metadata = Struct.getDefaultInstance();
    for (int tag = c.readTag(); tag != 0; tag = c.readTag()) {
      switch (tag) {
        case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> csr = c.readStringRequireUtf8();
        case (3 << 3) | WireFormat.WIRETYPE_VARINT -> validity = c.readInt64();
        case (4 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> metadata = c.readMessage(Struct.parser(), ExtensionRegistryLite.getEmptyRegistry());
        default -> c.skipField(tag);
      }
    }
    return new CertificateRequest(csr, validity, metadata);
  }
}
