package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookOptionsTest {
  private static final WebhookOptions DEFAULTS = WebhookOptions.of(Path.of("tls.crt"), Path.of("tls.key"));

  @Test
  @DisplayName("defaults follow Istio: port 15017, 6 MiB bodies, and the API server's 10 s webhook timeout")
  void defaults() {
    assertThat(DEFAULTS.port()).isEqualTo(15017);
    assertThat(DEFAULTS.maxRequestBytes()).isEqualTo(6L * 1024 * 1024);
    assertThat(DEFAULTS.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(DEFAULTS.idleTimeout()).as("past Go's 90 s idle pool timeout").isGreaterThan(Duration.ofSeconds(90));
    assertThat(DEFAULTS.withPort(0).withThreads(3).port()).isZero();
  }

  @Test
  @DisplayName("out-of-range values are refused with the field name")
  void invalid() {
    assertThatThrownBy(() -> DEFAULTS.withPort(70000)).hasMessageStartingWith("port:");
    assertThatThrownBy(() -> DEFAULTS.withReloadInterval(Duration.ZERO)).hasMessageStartingWith("reloadInterval:");
    assertThatThrownBy(() -> DEFAULTS.withMaxRequestBytes(0)).hasMessageStartingWith("maxRequestBytes:");
    assertThatThrownBy(() -> DEFAULTS.withThreads(0)).hasMessageStartingWith("threads:");
    assertThatThrownBy(() -> DEFAULTS.withMaxConnections(0)).hasMessageStartingWith("maxConnections:");
    assertThatThrownBy(() -> DEFAULTS.withRequestTimeout(Duration.ofSeconds(-1)))
        .hasMessageStartingWith("requestTimeout:");
    assertThatThrownBy(() -> DEFAULTS.withIdleTimeout(Duration.ZERO)).hasMessageStartingWith("idleTimeout:");
  }

  @Test
  @DisplayName("a server refuses to start on files that are not a matching certificate and key, naming the file")
  void badFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    SelfSignedCertificate.Pem a = TestTls.certificate(SelfSignedCertificate.KeyType.EC_P256);
    SelfSignedCertificate.Pem b = TestTls.certificate(SelfSignedCertificate.KeyType.EC_P256);
    Path cert = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    TestTls.atomicWrite(cert, a.certificatePem());
    TestTls.atomicWrite(key, b.privateKeyPem());
    WebhookOptions options = WebhookOptions.of(cert, key).withHost("127.0.0.1").withPort(0);
    assertThatThrownBy(() -> WebhookServer.start(options, r -> AdmissionOutcome.allow()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls.key: the private key does not belong");
    assertThatThrownBy(() -> WebhookServer.start(WebhookOptions.of(dir.resolve("missing.crt"), key),
        r -> AdmissionOutcome.allow())).isInstanceOf(java.io.IOException.class);
  }
}
