package dev.meshwright.xds.ca;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM in and out with BouncyCastle: certificates, private keys (PKCS#8 or traditional), CSRs. Stateless. */
public final class Pem {
  private Pem() {}

  /** BouncyCastle as a private JCA provider (never registered globally). */
  static final Provider BC = new BouncyCastleProvider();

  /** Every {@code CERTIFICATE} block of {@code pem}, in order; other blocks are skipped. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        if (o instanceof X509CertificateHolder h) {
          out.add(conv.getCertificate(h));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new CaException("cannot read certificates: " + e.getMessage(), e);
    }
    return out;
  }

  /** The first private key in {@code pem}. */
  public static PrivateKey privateKey(String pem) {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(BC);
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        if (o instanceof PEMKeyPair kp) {
          return conv.getPrivateKey(kp.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return conv.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new CaException("cannot read private key: " + e.getMessage(), e);
    }
    throw new CaException("no private key in PEM");
  }

  /** The certificate signing request in {@code pem}. */
  public static PKCS10CertificationRequest csr(String pem) {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      if (o instanceof PKCS10CertificationRequest csr) {
        return csr;
      }
    } catch (IOException e) {
      throw new CaException("cannot read CSR: " + e.getMessage(), e);
    }
    throw new CaException("no CERTIFICATE REQUEST in PEM");
  }

  /** One object (certificate, key, CSR) as PEM text. */
  public static String write(Object o) {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    } catch (IOException e) {
      throw new CaException("cannot write PEM: " + e.getMessage(), e);
    }
    return w.toString();
  }

  /** A private key as a PKCS#8 {@code PRIVATE KEY} block (curve parameters included, unlike a JDK key's SEC1 form). */
  public static String write(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null).generate());
    } catch (PemGenerationException e) {
      throw new CaException("cannot write private key: " + e.getMessage(), e);
    }
  }

  /** Certificates as concatenated PEM blocks. */
  public static String write(List<X509Certificate> certs) {
    StringBuilder sb = new StringBuilder();
    certs.forEach(c -> sb.append(write((Object) c)));
    return sb.toString();
  }
}
