package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.inject.webhook.SelfSignedCertificate.KeyType;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {
  private static SelfSignedCertificate.Pem ec;
  private static SelfSignedCertificate.Pem rsa;

  @BeforeAll
  static void generate() {
    ec = TestTls.certificate(KeyType.EC_P256);
    rsa = TestTls.certificate(KeyType.RSA_2048);
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "");
    return Base64.getMimeDecoder().decode(body.trim());
  }

  /** The key inside a PKCS#8 PrivateKeyInfo: PKCS#1 for RSA, SEC1 (without curve) for EC. */
  private static byte[] innerKey(String pkcs8Pem) {
    return Der.read(der(pkcs8Pem)).children().get(2).content();
  }

  @Test
  @DisplayName("PKCS#8 EC and RSA keys load with their certificate")
  void pkcs8() {
    KeyMaterial e = KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem", ec.privateKeyPem());
    assertThat(e.key().getAlgorithm()).isEqualTo("EC");
    assertThat(e.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    KeyMaterial r = KeyMaterial.parse("cert.pem", rsa.certificatePem(), "key.pem", rsa.privateKeyPem());
    assertThat(r.key().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  @DisplayName("a PKCS#1 RSA PRIVATE KEY loads")
  void pkcs1() {
    String pkcs1 = SelfSignedCertificate.pem("RSA PRIVATE KEY", innerKey(rsa.privateKeyPem()));
    KeyMaterial r = KeyMaterial.parse("cert.pem", rsa.certificatePem(), "key.pem", pkcs1);
    assertThat(r.key().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  @DisplayName("a SEC1 EC PRIVATE KEY naming its curve loads, also after an EC PARAMETERS block")
  void sec1() {
    byte[] curve = Der.oid("1.2.840.10045.3.1.7");
    List<Der.Element> parts = Der.read(innerKey(ec.privateKeyPem())).children();
    byte[] sec1 = Der.sequence(Der.integer(BigInteger.ONE), Der.octets(parts.get(1).content()),
        Der.explicit(0, curve));
    String pem = SelfSignedCertificate.pem("EC PARAMETERS", curve) + SelfSignedCertificate.pem("EC PRIVATE KEY", sec1);
    assertThat(KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem", pem).key().getAlgorithm())
        .isEqualTo("EC");
    byte[] noCurve = Der.sequence(Der.integer(BigInteger.ONE), Der.octets(parts.get(1).content()));
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem",
        SelfSignedCertificate.pem("EC PRIVATE KEY", noCurve))).hasMessage("key.pem: EC PRIVATE KEY names no curve");
  }

  @Test
  @DisplayName("a chain keeps its order, leaf first")
  void chain() {
    KeyMaterial m = KeyMaterial.parse("cert.pem", ec.certificatePem() + rsa.certificatePem(), "key.pem",
        ec.privateKeyPem());
    assertThat(m.chain()).hasSize(2);
    assertThat(m.leaf().getPublicKey().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  @DisplayName("errors name the file: mismatched key, no blocks, bad base64, encrypted keys")
  void errors() {
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem", rsa.privateKeyPem()))
        .hasMessage("key.pem: the private key does not belong to the first certificate in cert.pem");
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", "", "key.pem", ec.privateKeyPem()))
        .hasMessage("cert.pem: no PEM CERTIFICATE block found");
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem", ec.certificatePem()))
        .hasMessageStartingWith("key.pem: no PEM PRIVATE KEY");
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----",
        "key.pem", ec.privateKeyPem())).hasMessageStartingWith("cert.pem: invalid");
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
        .hasMessage("key.pem: encrypted private keys are not supported");
    assertThatThrownBy(() -> KeyMaterial.parse("cert.pem", ec.certificatePem(), "key.pem",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
        .hasMessageStartingWith("key.pem: invalid PRIVATE KEY");
  }

  @Test
  @DisplayName("a generated certificate names every host in its subjectAltName and is valid now")
  void selfSigned() throws Exception {
    var cert = TestTls.parse(ec.certificatePem());
    cert.checkValidity();
    cert.verify(cert.getPublicKey());
    List<Object> names = cert.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList();
    assertThat(names).containsExactly("localhost", "127.0.0.1");
  }
}
