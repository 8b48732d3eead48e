package dev.meshwright.inject.webhook;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serving certificate chain and its private key, parsed from PEM text as Kubernetes secrets and cert-manager
 * write them: a {@code CERTIFICATE} chain (leaf first) and a key as {@code PRIVATE KEY} (PKCS#8),
 * {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1, optionally after {@code EC PARAMETERS}).
 * Immutable.
 *
 * <p>{@link #parse} checks that the key belongs to the leaf certificate; any problem raises an
 * {@link IllegalArgumentException} whose message names the source (file) and the problem. Encrypted keys are
 * refused.
 *
 * @param chain the certificate chain, leaf first, never empty
 * @param key the leaf's private key
 */
public record KeyMaterial(List<X509Certificate> chain, PrivateKey key) {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final String RSA_OID = "1.2.840.113549.1.1.1";
  private static final String EC_OID = "1.2.840.10045.2.1";

  public KeyMaterial {
    chain = List.copyOf(chain);
    Objects.requireNonNull(key, "key");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
  }

  /** The leaf (serving) certificate. */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /**
   * Parses a certificate chain and a private key from PEM text. {@code certSource} and {@code keySource} name
   * where the text came from (a file path) in error messages.
   */
  public static KeyMaterial parse(String certSource, String certPem, String keySource, String keyPem) {
    List<X509Certificate> chain = certificates(certSource, certPem);
    PrivateKey key = privateKey(keySource, keyPem);
    if (!matches(key, chain.get(0))) {
      throw new IllegalArgumentException(keySource + ": the private key does not belong to the first certificate in "
          + certSource);
    }
    return new KeyMaterial(chain, key);
  }

  private static List<X509Certificate> certificates(String source, String pem) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(source, pem)) {
        if (b.type.equals("CERTIFICATE")) {
          out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der)));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(source + ": invalid certificate: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(source + ": no PEM CERTIFICATE block found");
    }
    return out;
  }

  private static PrivateKey privateKey(String source, String pem) {
    for (Block b : blocks(source, pem)) {
      try {
        switch (b.type) {
          case "PRIVATE KEY":
            return pkcs8(b.der);
          case "RSA PRIVATE KEY":
            return pkcs8(Der.sequence(Der.integer(BigInteger.ZERO),
                Der.sequence(Der.oid(RSA_OID), Der.nul()), Der.octets(b.der)));
          case "EC PRIVATE KEY":
            return pkcs8(Der.sequence(Der.integer(BigInteger.ZERO),
                Der.sequence(Der.oid(EC_OID), curve(source, b.der)), Der.octets(b.der)));
          case "ENCRYPTED PRIVATE KEY":
            throw new IllegalArgumentException(source + ": encrypted private keys are not supported");
          default:
            break;
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        String message = e.getMessage() != null && e.getMessage().startsWith(source) ? e.getMessage()
            : source + ": invalid " + b.type + ": " + e.getMessage();
        throw new IllegalArgumentException(message, e);
      }
    }
    throw new IllegalArgumentException(source
        + ": no PEM PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block found");
  }

  /** The named-curve parameters ({@code [0]}) of a SEC1 key, as an encoded OID. */
  private static byte[] curve(String source, byte[] sec1) {
    for (Der.Element e : Der.read(sec1).children()) {
      if (e.tag() == 0xa0) {
        byte[] inner = e.content();
        if (inner.length > 0 && inner[0] == Der.OID) {
          return inner;
        }
      }
    }
    throw new IllegalArgumentException(source + ": EC PRIVATE KEY names no curve");
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    List<Der.Element> parts = Der.read(der).children();
    if (parts.size() < 3 || parts.get(1).tag() != Der.SEQUENCE) {
      throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
    }
    byte[] algorithm = parts.get(1).children().get(0).content();
    String name = Arrays.equals(algorithm, oidContent(EC_OID)) ? "EC"
        : Arrays.equals(algorithm, oidContent(RSA_OID)) ? "RSA" : null;
    if (name == null) {
      throw new IllegalArgumentException("unsupported key algorithm (only RSA and EC keys serve TLS here)");
    }
    return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static byte[] oidContent(String dotted) {
    return Der.read(Der.oid(dotted)).content();
  }

  private static boolean matches(PrivateKey key, X509Certificate cert) {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] probe = "meshwright-key-check".getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(String source, String pem) {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String body = m.group(2);
      if (body.contains("Proc-Type:")) {
        throw new IllegalArgumentException(source + ": encrypted PEM blocks are not supported");
      }
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.trim())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": invalid base64 in PEM " + m.group(1) + " block", e);
      }
    }
    return out;
  }
}
