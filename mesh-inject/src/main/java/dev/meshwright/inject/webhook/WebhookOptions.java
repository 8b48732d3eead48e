package dev.meshwright.inject.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WebhookServer} listens and guards itself. Immutable; start from {@link #of} and change values with
 * the {@code with...} methods.
 *
 * @param host the address to bind ({@code 0.0.0.0} for all interfaces, {@code 127.0.0.1} for loopback)
 * @param port the port; 0 picks a free one (see {@link WebhookServer#port()}); Istio's is 15017
 * @param certFile the PEM certificate chain, leaf first
 * @param keyFile the PEM private key (PKCS#8, PKCS#1 or SEC1)
 * @param reloadInterval how often the two files are re-read; a changed, valid pair serves new connections
 * @param maxRequestBytes the largest AdmissionReview body accepted (Istio: 6 MiB, twice the API server's limit)
 * @param threads worker threads handling requests
 * @param queueCapacity requests waiting for a worker beyond which new connections are closed at once
 */
public record WebhookOptions(String host, int port, Path certFile, Path keyFile, Duration reloadInterval,
    long maxRequestBytes, int threads, int queueCapacity) {
  /** Istio's injector body limit: 6 MiB. */
  public static final long MAX_REQUEST_BYTES = 6L * 1024 * 1024;
  /** Istio's webhook port. */
  public static final int DEFAULT_PORT = 15017;

  public WebhookOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(reloadInterval, "reloadInterval");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be 0..65535, got " + port);
    }
    if (reloadInterval.isNegative() || reloadInterval.isZero()) {
      throw new IllegalArgumentException("reloadInterval: must be positive, got " + reloadInterval);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException("maxRequestBytes: must be positive, got " + maxRequestBytes);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity: must be at least 1, got " + queueCapacity);
    }
  }

  /**
   * Defaults for serving {@code certFile}/{@code keyFile} on all interfaces, port 15017: reload every 5 s, 6 MiB
   * bodies, 8 workers, 256 queued requests.
   */
  public static WebhookOptions of(Path certFile, Path keyFile) {
    return new WebhookOptions("0.0.0.0", DEFAULT_PORT, certFile, keyFile, Duration.ofSeconds(5),
        MAX_REQUEST_BYTES, 8, 256);
  }

  /** A copy bound to {@code value}. */
  public WebhookOptions withHost(String value) {
    return new WebhookOptions(value, port, certFile, keyFile, reloadInterval, maxRequestBytes, threads,
        queueCapacity);
  }

  /** A copy on port {@code value}. */
  public WebhookOptions withPort(int value) {
    return new WebhookOptions(host, value, certFile, keyFile, reloadInterval, maxRequestBytes, threads,
        queueCapacity);
  }

  /** A copy re-reading the certificate files every {@code value}. */
  public WebhookOptions withReloadInterval(Duration value) {
    return new WebhookOptions(host, port, certFile, keyFile, value, maxRequestBytes, threads, queueCapacity);
  }

  /** A copy accepting bodies up to {@code value} bytes. */
  public WebhookOptions withMaxRequestBytes(long value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, value, threads, queueCapacity);
  }

  /** A copy with {@code value} worker threads. */
  public WebhookOptions withThreads(int value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, maxRequestBytes, value,
        queueCapacity);
  }

  /** A copy queueing at most {@code value} requests. */
  public WebhookOptions withQueueCapacity(int value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, maxRequestBytes, threads, value);
  }
}
