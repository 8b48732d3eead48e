package dev.meshwright.xds.ca;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** CSRs and CA certificates for CA tests. */
public final class TestCsrs {
  private TestCsrs() {}

  /** A fresh P-256 key pair. */
  public static KeyPair keyPair() {
    return KeyAlgorithm.EC_P256.generate(new SecureRandom());
  }

  /** A fresh key pair of {@code algorithm}. */
  public static KeyPair keyPair(KeyAlgorithm algorithm) {
    return algorithm.generate(new SecureRandom());
  }

  /** A PEM CSR for {@code kp} with an empty subject. */
  public static String csr(KeyPair kp) {
    try {
      return Pem.write(new JcaPKCS10CertificationRequestBuilder(new X500Name("O=workload"), kp.getPublic())
          .build(new JcaContentSignerBuilder(KeyAlgorithm.signatureFor(kp.getPrivate())).build(kp.getPrivate())));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A CA certificate for {@code subjectKey} named {@code subject}, signed by {@code issuerKey} as {@code issuer}. */
  public static X509Certificate caCert(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
      Instant from, Instant to) {
    try {
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
          BigInteger.valueOf(new SecureRandom().nextInt(1 << 30) + 1L), Date.from(from), Date.from(to),
          new X500Name(subject), subjectKey.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
