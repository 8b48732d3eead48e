package dev.meshwright.bench;

import dev.meshwright.xds.ca.CaOptions;
import dev.meshwright.xds.ca.CertificateAuthority;
import dev.meshwright.xds.ca.IssuedCertificate;
import dev.meshwright.xds.ca.KeyAlgorithm;
import dev.meshwright.xds.ca.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload CSR signing (issue #11): {@link CertificateAuthority#sign} of a PEM CSR (parse, verify the CSR's
 * signature, build and sign a SPIFFE leaf, write the chain as PEM), as {@code CreateCertificate} does once the
 * caller is authenticated. The CA and the workload key share the algorithm: ECDSA P-256 (Istio's default here) or
 * RSA 2048. Two threads by default (the target is per 2-core machine); {@code -t 1} for one core's rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CsrBenchmark {
  @Param({"EC_P256", "RSA_2048"})
  public KeyAlgorithm algorithm;

  private static final List<String> IDENTITY = List.of("spiffe://cluster.local/ns/default/sa/bench");
  private CertificateAuthority ca;
  private String csr;

  @Setup
  public void setUp() throws GeneralSecurityException, OperatorCreationException {
    ca = CertificateAuthority.selfSigned(CaOptions.defaults().withKeyAlgorithm(algorithm), Clock.systemUTC());
    KeyPair kp;
    String signature;
    if (algorithm == KeyAlgorithm.EC_P256) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      kp = g.generateKeyPair();
      signature = "SHA256withECDSA";
    } else {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      kp = g.generateKeyPair();
      signature = "SHA256withRSA";
    }
    csr = Pem.write(new JcaPKCS10CertificationRequestBuilder(new X500Name("O=workload"), kp.getPublic())
        .build(new JcaContentSignerBuilder(signature).build(kp.getPrivate())));
  }

  /** One CSR signed into a 24 h SPIFFE certificate chain. */
  @Benchmark
  public IssuedCertificate sign() {
    return ca.sign(csr, IDENTITY, Duration.ZERO);
  }
}
