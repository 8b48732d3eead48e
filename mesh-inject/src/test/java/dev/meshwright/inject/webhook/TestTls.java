package dev.meshwright.inject.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** Certificates on disk and HTTPS clients trusting them, for the webhook's TLS tests. */
final class TestTls {
  private TestTls() {}

  /** A fresh self-signed certificate for localhost and 127.0.0.1. */
  static SelfSignedCertificate.Pem certificate(SelfSignedCertificate.KeyType type) {
    return SelfSignedCertificate.generate(List.of("localhost", "127.0.0.1"), type, Duration.ofDays(1),
        Clock.systemUTC());
  }

  /** Writes the pair to {@code cert}/{@code key}, each by an atomic rename as a secret volume update does. */
  static void write(SelfSignedCertificate.Pem pem, Path cert, Path key) throws IOException {
    atomicWrite(cert, pem.certificatePem());
    atomicWrite(key, pem.privateKeyPem());
  }

  static void atomicWrite(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static X509Certificate parse(String pem) throws GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  /** A TLS context trusting exactly {@code trusted}. */
  static SSLContext trusting(List<SelfSignedCertificate.Pem> trusted) throws GeneralSecurityException,
      IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (SelfSignedCertificate.Pem pem : trusted) {
      store.setCertificateEntry("trusted-" + i++, parse(pem.certificatePem()));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /** An HTTP/1.1 client trusting {@code trusted}, offering only {@code protocols}. */
  static HttpClient client(List<SelfSignedCertificate.Pem> trusted, String... protocols)
      throws GeneralSecurityException, IOException {
    SSLContext context = trusting(trusted);
    SSLParameters params = context.getDefaultSSLParameters();
    if (protocols.length > 0) {
      params.setProtocols(protocols);
    }
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
        .sslParameters(params).connectTimeout(Duration.ofSeconds(10)).build();
  }
}
