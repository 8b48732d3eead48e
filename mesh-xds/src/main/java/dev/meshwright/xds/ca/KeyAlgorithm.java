package dev.meshwright.xds.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The key types the CA generates, and the signature algorithm that goes with each. */
public enum KeyAlgorithm {
  /** ECDSA on P-256 with SHA-256 (the default, as Istio's {@code ECC_SIGNATURE_ALGORITHM=ECDSA}). */
  EC_P256,
  /** RSA 2048 with SHA-256 (Istio's default for workload keys). */
  RSA_2048;

  KeyPair generate(SecureRandom random) {
    try {
      if (this == EC_P256) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + this, e);
    }
  }

  /** The JCA signature algorithm for a signing key. */
  static String signatureFor(PrivateKey key) {
    return key.getAlgorithm().equals("EC") || key.getAlgorithm().equals("ECDSA") ? "SHA256withECDSA"
        : "SHA256withRSA";
  }
}
