package dev.meshwright.inject.webhook;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/** Hand-built TLS ClientHello records, to offer a server a protocol version the JDK client would refuse to send. */
final class ClientHellos {
  private ClientHellos() {}

  /** A ClientHello record offering {@code version} (0x0302 = TLS 1.1, 0x0303 = TLS 1.2) and ECDHE/RSA suites. */
  static byte[] clientHello(int version) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(version >> 8);
    body.write(version);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    int[] suites = {0xc02b, 0xc02f, 0xc013, 0xc009, 0x002f, 0x009c};
    u16(body, suites.length * 2);
    for (int s : suites) {
      u16(body, s);
    }
    body.write(1); // one compression method
    body.write(0); // null
    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    // supported_groups: secp256r1, x25519
    u16(ext, 0x000a);
    u16(ext, 6);
    u16(ext, 4);
    u16(ext, 0x0017);
    u16(ext, 0x001d);
    // ec_point_formats: uncompressed
    u16(ext, 0x000b);
    u16(ext, 2);
    ext.write(1);
    ext.write(0);
    // signature_algorithms: ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256
    u16(ext, 0x000d);
    u16(ext, 8);
    u16(ext, 6);
    u16(ext, 0x0403);
    u16(ext, 0x0804);
    u16(ext, 0x0401);
    u16(body, ext.size());
    body.writeBytes(ext.toByteArray());

    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    handshake.write(1); // client_hello
    u24(handshake, body.size());
    handshake.writeBytes(body.toByteArray());

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16);
    u16(record, 0x0301);
    u16(record, handshake.size());
    record.writeBytes(handshake.toByteArray());
    return record.toByteArray();
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >> 8);
    out.write(v);
  }

  private static void u24(ByteArrayOutputStream out, int v) {
    out.write(v >> 16);
    out.write(v >> 8);
    out.write(v);
  }
}
