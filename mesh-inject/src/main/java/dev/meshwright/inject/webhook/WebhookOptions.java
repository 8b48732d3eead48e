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
 * @param threads event-loop threads: each reads, answers and writes the requests of its connections
 * @param maxConnections connections open at once beyond which a new one is closed as soon as it is accepted
 * @param requestTimeout how long a request may take to arrive (the first one from the moment the connection opens,
 *     TLS handshake included) and its answer to leave; then the connection is closed
 * @param idleTimeout how long a kept-alive connection may wait for its next request. Longer than the API server's
 *     idle-connection timeout (Go's 90 s) by default, so the client closes an idle connection first and never
 *     sends a request into one the server is closing (Go does not retry a POST)
 */
public record WebhookOptions(String host, int port, Path certFile, Path keyFile, Duration reloadInterval,
    long maxRequestBytes, int threads, int maxConnections, Duration requestTimeout, Duration idleTimeout) {
  /** Istio's injector body limit: 6 MiB. */
  public static final long MAX_REQUEST_BYTES = 6L * 1024 * 1024;
  /** Istio's webhook port. */
  public static final int DEFAULT_PORT = 15017;
  /** The request timeout by default: the API server's default webhook timeout, after which it stops waiting. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** The idle timeout by default: past the API server's 90 s, so the client closes an idle connection first. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(120);

  public WebhookOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(reloadInterval, "reloadInterval");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be 0..65535, got " + port);
    }
    if (reloadInterval.isNegative() || reloadInterval.isZero()) {
      throw new IllegalArgumentException("reloadInterval: must be positive, got " + reloadInterval);
    }
    if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxRequestBytes: must be 1.." + (Integer.MAX_VALUE - 8) + ", got "
          + maxRequestBytes);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections: must be at least 1, got " + maxConnections);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout: must be positive, got " + requestTimeout);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout: must be positive, got " + idleTimeout);
    }
  }

  /**
   * Defaults for serving {@code certFile}/{@code keyFile} on all interfaces, port 15017: reload every 5 s, 6 MiB
   * bodies, one event loop per processor (at least 2), 1,024 connections, 10 s per request, 120 s idle.
   */
  public static WebhookOptions of(Path certFile, Path keyFile) {
    return new WebhookOptions("0.0.0.0", DEFAULT_PORT, certFile, keyFile, Duration.ofSeconds(5),
        MAX_REQUEST_BYTES, Math.max(2, Runtime.getRuntime().availableProcessors()), 1024, REQUEST_TIMEOUT,
        IDLE_TIMEOUT);
  }

  /** A copy bound to {@code value}. */
  public WebhookOptions withHost(String value) {
    return new WebhookOptions(value, port, certFile, keyFile, reloadInterval, maxRequestBytes, threads,
        maxConnections, requestTimeout, idleTimeout);
  }

  /** A copy on port {@code value}. */
  public WebhookOptions withPort(int value) {
    return new WebhookOptions(host, value, certFile, keyFile, reloadInterval, maxRequestBytes, threads,
        maxConnections, requestTimeout, idleTimeout);
  }

  /** A copy re-reading the certificate files every {@code value}. */
  public WebhookOptions withReloadInterval(Duration value) {
    return new WebhookOptions(host, port, certFile, keyFile, value, maxRequestBytes, threads, maxConnections,
        requestTimeout, idleTimeout);
  }

  /** A copy accepting bodies up to {@code value} bytes. */
  public WebhookOptions withMaxRequestBytes(long value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, value, threads, maxConnections,
        requestTimeout, idleTimeout);
  }

  /** A copy with {@code value} event-loop threads. */
  public WebhookOptions withThreads(int value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, maxRequestBytes, value,
        maxConnections, requestTimeout, idleTimeout);
  }

  /** A copy keeping at most {@code value} connections open. */
  public WebhookOptions withMaxConnections(int value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, maxRequestBytes, threads, value,
        requestTimeout, idleTimeout);
  }

  /** A copy closing a connection whose request has not fully arrived after {@code value}. */
  public WebhookOptions withRequestTimeout(Duration value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, maxRequestBytes, threads,
        maxConnections, value, idleTimeout);
  }

  /** A copy closing a kept-alive connection that has waited {@code value} for its next request. */
  public WebhookOptions withIdleTimeout(Duration value) {
    return new WebhookOptions(host, port, certFile, keyFile, reloadInterval, maxRequestBytes, threads,
        maxConnections, requestTimeout, value);
  }
}
