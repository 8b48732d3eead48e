package dev.meshwright.inject.webhook;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Makes a self-signed serving certificate for development and tests, where no CA (cert-manager, istiod's
 * CA) issues one: the webhook's DNS names and IP addresses go into the subjectAltName, the first name into the
 * common name. Output is PEM, ready for {@link WebhookServer}'s certificate and key files. Stateless.
 */
public final class SelfSignedCertificate {
  /** The key type of the generated certificate. */
  public enum KeyType {
    /** ECDSA on P-256, signed with SHA256withECDSA. */
    EC_P256,
    /** RSA 2048, signed with SHA256withRSA. */
    RSA_2048
  }

  /**
   * A generated certificate and key.
   *
   * @param certificatePem the certificate as one PEM {@code CERTIFICATE} block
   * @param privateKeyPem the key as one PEM {@code PRIVATE KEY} (PKCS#8) block
   */
  public record Pem(String certificatePem, String privateKeyPem) {
    public Pem {
      Objects.requireNonNull(certificatePem, "certificatePem");
      Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }
  }

  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Instant UTC_TIME_END = Instant.parse("2050-01-01T00:00:00Z");

  private SelfSignedCertificate() {}

  /**
   * A certificate valid from one hour before {@code clock}'s now for {@code validity}, for {@code names}
   * (DNS names, or IP literals such as {@code 127.0.0.1}); {@code names} must not be empty.
   */
  public static Pem generate(List<String> names, KeyType type, Duration validity, Clock clock) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a certificate needs at least one name");
    }
    try {
      KeyPair pair = keyPair(type);
      String sigOid = type == KeyType.EC_P256 ? "1.2.840.10045.4.3.2" : "1.2.840.113549.1.1.11";
      byte[] sigAlg = type == KeyType.EC_P256 ? Der.sequence(Der.oid(sigOid))
          : Der.sequence(Der.oid(sigOid), Der.nul());
      byte[] name = Der.sequence(Der.tlv(Der.SET, Der.sequence(Der.oid("2.5.4.3"), Der.utf8(names.get(0)))));
      Instant notBefore = clock.instant().minus(Duration.ofHours(1));
      byte[] tbs = Der.sequence(
          Der.explicit(0, Der.integer(BigInteger.TWO)),
          Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
          sigAlg,
          name,
          Der.sequence(time(notBefore), time(notBefore.plus(validity))),
          name,
          pair.getPublic().getEncoded(),
          Der.explicit(3, Der.sequence(
              Der.sequence(Der.oid("2.5.29.17"), Der.octets(subjectAltNames(names))))));
      Signature signer = Signature.getInstance(type == KeyType.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA");
      signer.initSign(pair.getPrivate());
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, sigAlg, Der.bits(signer.sign()));
      return new Pem(pem("CERTIFICATE", certificate), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate a " + type + " key: " + e.getMessage(), e);
    }
  }

  /** PEM text of one block. */
  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static KeyPair keyPair(KeyType type) throws GeneralSecurityException {
    if (type == KeyType.EC_P256) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    }
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  private static byte[] time(Instant instant) {
    return instant.isBefore(UTC_TIME_END)
        ? Der.tlv(Der.UTC_TIME, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
        : Der.tlv(Der.GENERALIZED_TIME, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] subjectAltNames(List<String> names) {
    List<byte[]> entries = new ArrayList<>();
    for (String n : names) {
      if (isIpLiteral(n)) {
        try {
          entries.add(Der.tlv(0x87, InetAddress.getByName(n).getAddress()));
        } catch (UnknownHostException e) {
          throw new IllegalArgumentException("not an IP address: " + n, e);
        }
      } else {
        entries.add(Der.tlv(0x82, n.getBytes(StandardCharsets.US_ASCII)));
      }
    }
    return Der.sequence(entries.toArray(byte[][]::new));
  }

  private static boolean isIpLiteral(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }
}
