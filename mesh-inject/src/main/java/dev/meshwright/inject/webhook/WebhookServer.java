package dev.meshwright.inject.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The sidecar-injection admission webhook over HTTPS, on the JDK's built-in server: {@code POST /inject} (and
 * {@code /inject/...} with Istio's path parameters) answers AdmissionReviews through a {@link PodMutator};
 * {@code GET /ready} and {@code /healthz} answer 200 while the server runs.
 *
 * <p>TLS 1.2 and 1.3 only. The certificate and key are read from PEM files at start and re-read every
 * {@link WebhookOptions#reloadInterval()}; a changed, valid pair serves every new connection (an invalid one is
 * logged and ignored). Requests run on a bounded pool; when its queue is full new connections are closed.
 * A request must arrive within {@value #REQUEST_SECONDS_DEFAULT} s and a response leave within as long (the JDK
 * server's {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime}, JVM-wide, set here when absent and read when
 * the JVM starts its first HTTP server), so a stalled client never holds a worker for good. The clock starts when
 * the connection has data, so a request that waited that long for a worker is dropped too; 10 s is also the API
 * server's default webhook timeout, after which it no longer waits for the answer. TCP_NODELAY is switched
 * on the same way ({@code sun.net.httpserver.nodelay}).
 *
 * <p>Thread-safe; {@link #close} stops it (idempotent).
 */
public final class WebhookServer implements AutoCloseable {
  /** Seconds a request may take to arrive, unless {@code sun.net.httpserver.maxReqTime} says otherwise. */
  public static final int REQUEST_SECONDS_DEFAULT = 10;
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final System.Logger LOG = System.getLogger(WebhookServer.class.getName());

  static {
    setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS_DEFAULT));
    setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(REQUEST_SECONDS_DEFAULT));
    // without TCP_NODELAY the response's separate header and body writes meet the client's delayed ACK: +40 ms
    setIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final HttpsServer server;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService reloader;
  private final CertificateWatcher watcher;
  private volatile boolean closed;

  private WebhookServer(HttpsServer server, ThreadPoolExecutor workers, ScheduledExecutorService reloader,
      CertificateWatcher watcher) {
    this.server = server;
    this.workers = workers;
    this.reloader = reloader;
    this.watcher = watcher;
  }

  /**
   * Loads the certificate, binds and starts serving.
   *
   * @throws IOException when the files cannot be read or the port cannot be bound
   * @throws IllegalArgumentException when the files hold no matching certificate chain and key (message names the
   *     file)
   */
  public static WebhookServer start(WebhookOptions options, PodMutator mutator) throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(mutator, "mutator");
    CertificateWatcher watcher = CertificateWatcher.start(options.certFile(), options.keyFile());
    SSLContext tls = sslContext(watcher.keyManager());
    HttpsServer server = HttpsServer.create(new InetSocketAddress(options.host(), options.port()), 128);
    server.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = tls.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS);
        p.setNeedClientAuth(false);
        params.setSSLParameters(p);
      }
    });
    ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(options.queueCapacity()), daemon("meshwright-webhook-"),
        new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(workers);
    server.createContext("/inject", new InjectHandler(mutator, options.maxRequestBytes()));
    server.createContext("/ready", WebhookServer::health);
    server.createContext("/healthz", WebhookServer::health);
    server.createContext("/", WebhookServer::notFound);
    server.start();
    ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
        daemon("meshwright-webhook-cert-reload-"));
    long every = options.reloadInterval().toMillis();
    reloader.scheduleWithFixedDelay(watcher::poll, every, every, TimeUnit.MILLISECONDS);
    LOG.log(Level.INFO, "sidecar injection webhook listening on https://{0}:{1}", options.host(),
        Integer.toString(server.getAddress().getPort()));
    return new WebhookServer(server, workers, reloader, watcher);
  }

  /** The port the server listens on (the chosen one when the options said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The certificate chain new connections are served, leaf first. */
  public List<X509Certificate> certificateChain() {
    return watcher.keyManager().current().chain();
  }

  /** Re-reads the certificate files now instead of at the next interval; true when new material was installed. */
  public boolean reloadCertificate() {
    return watcher.poll();
  }

  /** Stops accepting, gives requests in flight a second to finish, and stops the threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reloader.shutdownNow();
    server.stop(1);
    workers.shutdownNow();
  }

  private static void health(HttpExchange exchange) {
    try (exchange) {
      boolean known = exchange.getRequestURI().getPath().equals("/ready")
          || exchange.getRequestURI().getPath().equals("/healthz");
      InjectHandler.reply(exchange, known ? 200 : 404, "text/plain", known ? "ok\n" : "404 page not found\n");
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "health check connection failed", e);
    }
  }

  private static void notFound(HttpExchange exchange) {
    try (exchange) {
      exchange.getResponseHeaders().set("Connection", "close");
      InjectHandler.reply(exchange, 404, "text/plain", "404 page not found\n");
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "connection failed", e);
    }
  }

  private static SSLContext sslContext(ReloadingKeyManager keyManager) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {keyManager}, null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("this JDK offers no TLS server: " + e.getMessage(), e);
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
