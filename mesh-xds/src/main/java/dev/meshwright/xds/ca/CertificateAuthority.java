package dev.meshwright.xds.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * istiod's workload CA: a signing certificate and key, the chain up to the root, and the trust bundle (the roots
 * proxies trust). {@link #selfSigned} makes a root valid {@link CaOptions#rootTtl()} (10 years) with subject
 * {@code O=<trust domain>}; {@link #pluggedIn} uses istiod's {@code cacerts} files given as PEM text.
 * {@link #sign} turns a CSR into a SPIFFE certificate: the identities the caller was authenticated as go into a
 * critical URI subjectAltName (the CSR's own names are ignored), the subject is empty, the lifetime is the request's
 * (the default when none, cut to {@link CaOptions#maxTtl()} and to the signing certificate's own end).
 * {@link #rotateRoot} makes a new self-signed root with the same subject, so issuers stay unchanged, and keeps the
 * old root in the trust bundle until it expires. Immutable and thread-safe.
 */
public final class CertificateAuthority {
  private final CaOptions options;
  private final Clock clock;
  private final SecureRandom random;
  private final PrivateKey signingKey;
  private final X509Certificate signingCert;
  private final List<X509Certificate> intermediates;
  private final List<X509Certificate> roots;
  private final boolean selfSigned;
  private final Signers.Factory signer;
  private final X500Name issuer;
  private final Extension authorityKeyId;
  private final List<String> chainAboveLeaf;

  private CertificateAuthority(CaOptions options, Clock clock, SecureRandom random, PrivateKey signingKey,
      X509Certificate signingCert, List<X509Certificate> intermediates, List<X509Certificate> roots,
      boolean selfSigned) {
    this.options = options;
    this.clock = clock;
    this.random = random;
    this.signingKey = signingKey;
    this.signingCert = signingCert;
    this.intermediates = List.copyOf(intermediates);
    this.roots = List.copyOf(roots);
    this.selfSigned = selfSigned;
    this.signer = Signers.forKey(signingKey, random);
    this.issuer = X500Name.getInstance(signingCert.getSubjectX500Principal().getEncoded());
    try {
      this.authorityKeyId = new Extension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(signingCert).getEncoded());
    } catch (java.io.IOException | GeneralSecurityException e) {
      throw new CaException("cannot read the signing certificate's key: " + e.getMessage(), e);
    }
    List<String> above = new ArrayList<>();
    if (!selfSigned) {
      above.add(Pem.write((Object) signingCert));
    }
    this.intermediates.forEach(c -> above.add(Pem.write((Object) c)));
    above.add(Pem.write((Object) this.roots.get(0)));
    this.chainAboveLeaf = List.copyOf(above);
  }

  /** A CA with a freshly generated self-signed root. */
  public static CertificateAuthority selfSigned(CaOptions options, Clock clock) {
    SecureRandom random = new SecureRandom();
    KeyPair kp = options.keyAlgorithm().generate(random);
    X509Certificate root = makeRoot(options, clock, random, kp);
    return new CertificateAuthority(options, clock, random, kp.getPrivate(), root, List.of(), List.of(root), true);
  }

  /**
   * A CA from istiod's plugged-in {@code cacerts}.
   *
   * @param caCertPem {@code ca-cert.pem}, the signing certificate
   * @param caKeyPem {@code ca-key.pem}, its key
   * @param certChainPem {@code cert-chain.pem}, the chain from the signing certificate up (may be empty)
   * @param rootCertPem {@code root-cert.pem}, the root(s) proxies trust
   * @throws CaException when a file does not read, the key does not match the certificate, or the signing
   *     certificate is not a CA
   */
  public static CertificateAuthority pluggedIn(String caCertPem, String caKeyPem, String certChainPem,
      String rootCertPem, CaOptions options, Clock clock) {
    List<X509Certificate> ca = Pem.certificates(caCertPem);
    if (ca.isEmpty()) {
      throw new CaException("ca-cert.pem holds no certificate");
    }
    X509Certificate cert = ca.get(0);
    PrivateKey key = Pem.privateKey(caKeyPem);
    List<X509Certificate> roots = Pem.certificates(rootCertPem);
    if (roots.isEmpty()) {
      throw new CaException("root-cert.pem holds no certificate");
    }
    if (cert.getBasicConstraints() < 0) {
      throw new CaException("ca-cert.pem is not a CA certificate (basicConstraints CA:false)");
    }
    if (!matches(key, cert.getPublicKey())) {
      throw new CaException("ca-key.pem does not match ca-cert.pem");
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (X509Certificate c : Pem.certificates(certChainPem)) {
      if (!c.equals(cert) && !roots.contains(c)) {
        chain.add(c);
      }
    }
    boolean self = roots.contains(cert);
    return new CertificateAuthority(options, clock, new SecureRandom(), key, cert, chain, roots, self);
  }

  /** The issuing options. */
  public CaOptions options() {
    return options;
  }

  /** The certificate leaves are signed with. */
  public X509Certificate signingCertificate() {
    return signingCert;
  }

  /** The roots proxies should trust, the current one first. */
  public List<X509Certificate> trustBundle() {
    return roots;
  }

  /** The trust bundle as PEM ({@code ROOTCA}, {@code root-cert.pem}). */
  public String trustBundlePem() {
    return Pem.write(roots);
  }

  /**
   * Signs a PEM CSR for {@code identities} (SPIFFE URIs the caller was authenticated as).
   *
   * @param ttl the requested lifetime; zero or negative means the default
   * @throws CaException when the CSR does not parse or its signature does not verify, or no identity is given
   */
  public IssuedCertificate sign(String csrPem, List<String> identities, Duration ttl) {
    PKCS10CertificationRequest csr = Pem.csr(csrPem);
    try {
      if (!csr.isSignatureValid(Signers.verifier(csr.getSubjectPublicKeyInfo()))) {
        throw new CaException("the CSR's signature does not verify");
      }
    } catch (OperatorCreationException | PKCSException e) {
      throw new CaException("cannot verify the CSR: " + e.getMessage(), e);
    }
    return issue(csr.getSubjectPublicKeyInfo(), identities, ttl);
  }

  /** A new key pair and a certificate for it: for workloads that fetch their certificate over SDS. */
  public WorkloadCertificate issueWithKey(List<String> identities, Duration ttl) {
    KeyPair kp = options.keyAlgorithm().generate(random);
    IssuedCertificate c = issue(kp.getPublic(), identities, ttl);
    return new WorkloadCertificate(c, Pem.write(kp.getPrivate()));
  }

  /** A certificate for {@code key}: the core of {@link #sign}. */
  public IssuedCertificate issue(PublicKey key, List<String> identities, Duration ttl) {
    return issue(SubjectPublicKeyInfo.getInstance(key.getEncoded()), identities, ttl);
  }

  private IssuedCertificate issue(SubjectPublicKeyInfo key, List<String> identities, Duration ttl) {
    if (identities.isEmpty()) {
      throw new CaException("no identity to certify");
    }
    Instant now = clock.instant();
    Duration life = ttl.isZero() || ttl.isNegative() ? options.defaultTtl()
        : ttl.compareTo(options.maxTtl()) > 0 ? options.maxTtl() : ttl;
    Instant end = now.plus(life);
    Instant caEnd = signingCert.getNotAfter().toInstant();
    if (end.isAfter(caEnd)) {
      end = caEnd;
    }
    try {
      X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial(random), Date.from(now),
          Date.from(end), new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), key);
      GeneralName[] names = identities.stream()
          .map(id -> new GeneralName(GeneralName.uniformResourceIdentifier, id)).toArray(GeneralName[]::new);
      b.addExtension(Extension.subjectAlternativeName, true, new GeneralNames(names));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(authorityKeyId);
      List<String> chain = new ArrayList<>(chainAboveLeaf.size() + 1);
      chain.add(Pem.write(b.build(signer.signer())));
      chain.addAll(chainAboveLeaf);
      return new IssuedCertificate(chain, now, end);
    } catch (CertIOException | OperatorCreationException e) {
      throw new CaException("cannot build the certificate: " + e.getMessage(), e);
    }
  }

  /**
   * A CA with a new self-signed root of the same subject (so the issuer of new leaves is unchanged) and a trust
   * bundle of the new root and the old ones that have not expired, so workloads holding old certificates and
   * workloads with new ones keep trusting each other while certificates turn over.
   *
   * @throws CaException for a plugged-in CA, whose root belongs to its owner
   */
  public CertificateAuthority rotateRoot() {
    if (!selfSigned || !intermediates.isEmpty()) {
      throw new CaException("only a self-signed root can be rotated here; plug in new cacerts instead");
    }
    KeyPair kp = options.keyAlgorithm().generate(random);
    X509Certificate root = makeRoot(options, clock, random, kp);
    List<X509Certificate> bundle = new ArrayList<>();
    bundle.add(root);
    Instant now = clock.instant();
    roots.stream().filter(r -> r.getNotAfter().toInstant().isAfter(now)).forEach(bundle::add);
    return new CertificateAuthority(options, clock, random, kp.getPrivate(), root, List.of(), bundle, true);
  }

  private static X509Certificate makeRoot(CaOptions options, Clock clock, SecureRandom random, KeyPair kp) {
    Instant now = clock.instant();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, options.trustDomain()).build();
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(random), Date.from(now),
          Date.from(now.plus(options.rootTtl())), subject, kp.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
          | KeyUsage.digitalSignature));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
      return new JcaX509CertificateConverter().getCertificate(b.build(Signers.forKey(kp.getPrivate(), random).signer()));
    } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
      throw new CaException("cannot build the root certificate: " + e.getMessage(), e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  private static boolean matches(PrivateKey key, PublicKey pub) {
    try {
      java.security.Signature s = java.security.Signature.getInstance(KeyAlgorithm.signatureFor(key), Pem.BC);
      byte[] data = {1, 2, 3};
      s.initSign(key);
      s.update(data);
      byte[] sig = s.sign();
      s.initVerify(pub);
      s.update(data);
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "CertificateAuthority{" + signingCert.getSubjectX500Principal() + ", roots=" + roots.size() + "}";
  }
}
