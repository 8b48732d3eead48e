package dev.meshwright.inject.webhook;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few ASN.1 DER encodings the webhook's key handling needs: enough to wrap PKCS#1 and SEC1 keys into
 * PKCS#8 and to write a self-signed X.509 certificate. Stateless; malformed input raises
 * {@link IllegalArgumentException}.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private Der() {}

  /** One decoded element: its tag byte and its content octets. */
  record Element(int tag, byte[] content) {
    /** The elements inside a constructed element. */
    List<Element> children() {
      List<Element> out = new ArrayList<>();
      int[] pos = {0};
      while (pos[0] < content.length) {
        out.add(next(content, pos));
      }
      return out;
    }
  }

  /** Decodes one element that must span all of {@code der}. */
  static Element read(byte[] der) {
    int[] pos = {0};
    Element e = next(der, pos);
    if (pos[0] != der.length) {
      throw new IllegalArgumentException("trailing bytes after DER element");
    }
    return e;
  }

  private static Element next(byte[] in, int[] pos) {
    if (pos[0] + 2 > in.length) {
      throw new IllegalArgumentException("truncated DER element");
    }
    int tag = in[pos[0]++] & 0xff;
    int len = in[pos[0]++] & 0xff;
    if (len >= 0x80) {
      int n = len & 0x7f;
      if (n == 0 || n > 3 || pos[0] + n > in.length) {
        throw new IllegalArgumentException("unsupported DER length");
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (in[pos[0]++] & 0xff);
      }
    }
    if (pos[0] + len > in.length) {
      throw new IllegalArgumentException("truncated DER element");
    }
    byte[] content = new byte[len];
    System.arraycopy(in, pos[0], content, 0, len);
    pos[0] += len;
    return new Element(tag, content);
  }

  /** An element with {@code tag} around the concatenated {@code parts}. */
  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    int len = body.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
    out.write(tag);
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(SEQUENCE, parts);
  }

  static byte[] integer(BigInteger value) {
    return tlv(INTEGER, value.toByteArray());
  }

  static byte[] octets(byte[] value) {
    return tlv(OCTET_STRING, value);
  }

  static byte[] bits(byte[] value) {
    return tlv(BIT_STRING, new byte[] {0}, value);
  }

  static byte[] nul() {
    return new byte[] {NULL, 0};
  }

  static byte[] utf8(String value) {
    return tlv(UTF8_STRING, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A context-specific constructed (explicit) tag {@code [n]}. */
  static byte[] explicit(int n, byte[]... parts) {
    return tlv(0xa0 | n, parts);
  }

  /** An object identifier from its dotted form. */
  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = 1;
      while ((arc >> (7 * groups)) != 0) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((arc >> (7 * g)) & 0x7f);
        out.write(g == 0 ? b : b | 0x80);
      }
    }
    return tlv(OID, out.toByteArray());
  }
}
