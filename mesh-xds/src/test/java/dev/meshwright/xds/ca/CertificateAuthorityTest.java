package dev.meshwright.xds.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The workload CA: SPIFFE certificates from CSRs, lifetimes, chains, plugged-in CAs, root rotation. */
class CertificateAuthorityTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final CaOptions OPTIONS = CaOptions.defaults().withTrustDomain("corp.example");
  private static final String ID = new SpiffeId("corp.example", "billing", "ledger").uri();

  private final CertificateAuthority ca = CertificateAuthority.selfSigned(OPTIONS, CLOCK);

  private static X509Certificate leaf(IssuedCertificate c) {
    return Pem.certificates(c.leaf()).get(0);
  }

  private static void verifies(IssuedCertificate c, List<X509Certificate> roots) throws Exception {
    List<X509Certificate> chain = c.chain().stream().flatMap(p -> Pem.certificates(p).stream()).toList();
    List<X509Certificate> path = chain.subList(0, chain.size() - 1);
    PKIXParameters params = new PKIXParameters(
        roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toSet()));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(NOW.plusSeconds(60)));
    CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
        params);
  }

  @Test
  @DisplayName("a self-signed root is a CA named O=<trust domain>, valid 10 years, ECDSA P-256")
  void selfSignedRoot() {
    X509Certificate root = ca.trustBundle().get(0);
    assertThat(root.getSubjectX500Principal().getName()).isEqualTo("O=corp.example");
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(root.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    assertThat(root.getPublicKey().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  @DisplayName("a CSR becomes a leaf with the authenticated SPIFFE ID as its only, critical URI SAN, chained to the root")
  void signsCsr() throws Exception {
    KeyPair kp = TestCsrs.keyPair();
    IssuedCertificate c = ca.sign(TestCsrs.csr(kp), List.of(ID), Duration.ZERO);
    X509Certificate leaf = leaf(c);
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(6, ID));
    assertThat(leaf.getCriticalExtensionOIDs()).contains("2.5.29.17");
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(leaf.getPublicKey()).isEqualTo(kp.getPublic());
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.trustBundle().get(0).getSubjectX500Principal());
    assertThat(c.chain()).hasSize(2);
    verifies(c, ca.trustBundle());
  }

  @Test
  @DisplayName("an RSA CA signs an ECDSA workload's CSR and an ECDSA CA an RSA workload's; both chains verify")
  void mixedKeyTypes() throws Exception {
    CertificateAuthority rsa = CertificateAuthority.selfSigned(OPTIONS.withKeyAlgorithm(KeyAlgorithm.RSA_2048), CLOCK);
    KeyPair ec = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
    IssuedCertificate fromRsa = rsa.sign(TestCsrs.csr(ec), List.of(ID), Duration.ZERO);
    assertThat(leaf(fromRsa).getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(leaf(fromRsa).getPublicKey()).isEqualTo(ec.getPublic());
    verifies(fromRsa, rsa.trustBundle());

    KeyPair rsaKey = TestCsrs.keyPair(KeyAlgorithm.RSA_2048);
    IssuedCertificate fromEc = ca.sign(TestCsrs.csr(rsaKey), List.of(ID), Duration.ZERO);
    assertThat(leaf(fromEc).getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(leaf(fromEc).getPublicKey()).isEqualTo(rsaKey.getPublic());
    verifies(fromEc, ca.trustBundle());
  }

  @Test
  @DisplayName("many signings reuse the CA's decoded key and each leaf still verifies, with a fresh serial")
  void repeatedSignings() throws Exception {
    KeyPair kp = TestCsrs.keyPair();
    String csr = TestCsrs.csr(kp);
    Set<java.math.BigInteger> serials = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      IssuedCertificate c = ca.sign(csr, List.of(ID), Duration.ZERO);
      verifies(c, ca.trustBundle());
      serials.add(leaf(c).getSerialNumber());
    }
    assertThat(serials).hasSize(20);
  }

  @Test
  @DisplayName("no requested lifetime gives 24 h; more than 90 days is cut to 90 days; 2 h stays 2 h")
  void lifetimes() {
    String csr = TestCsrs.csr(TestCsrs.keyPair());
    assertThat(ca.sign(csr, List.of(ID), Duration.ZERO).notAfter()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(ca.sign(csr, List.of(ID), Duration.ofDays(400)).notAfter()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    assertThat(leaf(ca.sign(csr, List.of(ID), Duration.ofHours(2))).getNotAfter().toInstant())
        .isEqualTo(NOW.plus(Duration.ofHours(2)));
  }

  @Test
  @DisplayName("a CSR whose signature does not verify, or text that is no CSR, is refused with a reason")
  void badCsr() {
    String csr = TestCsrs.csr(TestCsrs.keyPair());
    String tampered = csr.replace(csr.substring(100, 104), "AAAA");
    assertThatThrownBy(() -> ca.sign(tampered, List.of(ID), Duration.ZERO)).isInstanceOf(CaException.class);
    assertThatThrownBy(() -> ca.sign("hello", List.of(ID), Duration.ZERO)).isInstanceOf(CaException.class)
        .hasMessageContaining("CERTIFICATE REQUEST");
  }

  @Test
  @DisplayName("root rotation keeps the issuer name, trusts old and new roots, and old leaves still verify")
  void rotation() throws Exception {
    String csr = TestCsrs.csr(TestCsrs.keyPair());
    IssuedCertificate before = ca.sign(csr, List.of(ID), Duration.ZERO);
    CertificateAuthority rotated = ca.rotateRoot();
    IssuedCertificate after = rotated.sign(csr, List.of(ID), Duration.ZERO);
    assertThat(rotated.trustBundle()).hasSize(2).element(1).isEqualTo(ca.trustBundle().get(0));
    assertThat(rotated.trustBundle().get(0)).isNotEqualTo(ca.trustBundle().get(0));
    assertThat(leaf(after).getIssuerX500Principal()).isEqualTo(leaf(before).getIssuerX500Principal());
    verifies(before, rotated.trustBundle());
    verifies(after, rotated.trustBundle());
    assertThat(Pem.certificates(rotated.trustBundlePem())).hasSize(2);
  }

  @Test
  @DisplayName("a plugged-in intermediate CA signs leaves whose chain runs leaf, intermediate, root")
  void pluggedIn() throws Exception {
    KeyPair rootKey = TestCsrs.keyPair();
    KeyPair caKey = TestCsrs.keyPair();
    X509Certificate root = TestCsrs.caCert("O=Corp Root", rootKey, "O=Corp Root", rootKey, NOW.minusSeconds(60),
        NOW.plus(Duration.ofDays(3650)));
    X509Certificate inter = TestCsrs.caCert("O=Corp Mesh CA", caKey, "O=Corp Root", rootKey, NOW.minusSeconds(60),
        NOW.plus(Duration.ofDays(30)));
    CertificateAuthority plugged = CertificateAuthority.pluggedIn(Pem.write((Object) inter),
        Pem.write(caKey.getPrivate()), Pem.write(List.of(inter, root)), Pem.write((Object) root), OPTIONS, CLOCK);
    IssuedCertificate c = plugged.sign(TestCsrs.csr(TestCsrs.keyPair()), List.of(ID), Duration.ofDays(60));
    assertThat(c.chain()).hasSize(3);
    assertThat(c.notAfter()).as("never past the signing certificate").isEqualTo(NOW.plus(Duration.ofDays(30)));
    verifies(c, List.of(root));
    assertThatThrownBy(() -> CertificateAuthority.pluggedIn(Pem.write((Object) inter),
        Pem.write(rootKey.getPrivate()), "", Pem.write((Object) root), OPTIONS, CLOCK))
        .isInstanceOf(CaException.class).hasMessageContaining("does not match");
    assertThat(Set.of(plugged.trustBundle().get(0))).containsExactly(root);
  }

  @Test
  @DisplayName("SPIFFE IDs parse only in the workload shape")
  void spiffe() {
    assertThat(SpiffeId.parse(ID)).contains(new SpiffeId("corp.example", "billing", "ledger"));
    assertThat(SpiffeId.parse("spiffe://corp.example/ns/billing")).isEmpty();
    assertThat(SpiffeId.parse("https://corp.example/ns/a/sa/b")).isEmpty();
  }
}
