package dev.meshwright.xds.ca;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcRSAContentSignerBuilder;
import org.bouncycastle.operator.bc.BcRSAContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Signing and CSR verification on BouncyCastle's lightweight API, for ECDSA and RSA keys.
 *
 * <p>Why not the JCA: BouncyCastle's JCA signature converts the key's curve on every {@code initSign}, and the
 * converted curve carries no precomputed table of the generator's multiples, so each signing rebuilt that table
 * (about a fifth of a CSR's CPU). The key parameters here are decoded once, on the named curve BouncyCastle keeps
 * per process, where the table is built once and reused. Other key types fall back to the JCA provider.
 */
final class Signers {
  private static final DefaultDigestAlgorithmIdentifierFinder DIGESTS = new DefaultDigestAlgorithmIdentifierFinder();

  private Signers() {}

  /** Makes a fresh {@link ContentSigner} (they are single-use streams) over a key decoded once. */
  interface Factory {
    ContentSigner signer() throws OperatorCreationException;
  }

  /** A signer factory for {@code key} with its SHA-256 signature algorithm. */
  static Factory forKey(PrivateKey key, SecureRandom random) {
    String algorithm = KeyAlgorithm.signatureFor(key);
    AlgorithmIdentifier sig = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
    AlgorithmIdentifier digest = DIGESTS.find(sig);
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ASN1ObjectIdentifier keyType = info.getPrivateKeyAlgorithm().getAlgorithm();
    AsymmetricKeyParameter params;
    try {
      params = keyType.equals(X9ObjectIdentifiers.id_ecPublicKey) || keyType.equals(PKCSObjectIdentifiers.rsaEncryption)
          ? PrivateKeyFactory.createKey(info) : null;
    } catch (IOException e) {
      throw new CaException("cannot read the signing key: " + e.getMessage(), e);
    }
    if (params == null) {
      return () -> new JcaContentSignerBuilder(algorithm).setProvider(Pem.BC).setSecureRandom(random).build(key);
    }
    if (keyType.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return () -> new BcECContentSignerBuilder(sig, digest).setSecureRandom(random).build(params);
    }
    return () -> new BcRSAContentSignerBuilder(sig, digest).setSecureRandom(random).build(params);
  }

  /** A verifier of signatures made by the holder of {@code key} (a CSR's own key). */
  static ContentVerifierProvider verifier(SubjectPublicKeyInfo key) throws OperatorCreationException {
    ASN1ObjectIdentifier type = key.getAlgorithm().getAlgorithm();
    try {
      if (type.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        return new BcECContentVerifierProviderBuilder(DIGESTS).build(PublicKeyFactory.createKey(key));
      }
      if (type.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        return new BcRSAContentVerifierProviderBuilder(DIGESTS).build(PublicKeyFactory.createKey(key));
      }
    } catch (IOException | RuntimeException e) {
      throw new OperatorCreationException("the CSR's public key does not read: " + e.getMessage(), e);
    }
    return new JcaContentVerifierProviderBuilder().setProvider(Pem.BC).build(key);
  }
}
