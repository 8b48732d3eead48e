package dev.meshwright.xds.ca.server;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Istio's {@code istio.v1.auth.IstioCertificateResponse}: {@code repeated string cert_chain = 1}, PEM certificates
 * from the leaf to the root. Immutable.
 *
 * @param certChain the PEM certificates, leaf first, root last
 */
public record CertificateResponse(List<String> certChain) {
  public CertificateResponse {
    certChain = List.copyOf(certChain);
  }

  /** The wire form. */
  public byte[] toByteArray() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      for (String c : certChain) {
        out.writeString(1, c);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the wire form. */
  public static CertificateResponse parse(InputStream in) throws IOException {
    CodedInputStream c = CodedInputStream.newInstance(in);
    List<String> chain = new ArrayList<>();
    for (int tag = c.readTag(); tag != 0; tag = c.readTag()) {
      if (tag == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        chain.add(c.readStringRequireUtf8());
      } else {
        c.skipField(tag);
      }
    }
    return new CertificateResponse(chain);
  }
}
