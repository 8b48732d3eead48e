package dev.meshwright.inject.webhook;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The sidecar-injection admission webhook over HTTPS, on Netty: {@code POST /inject} (and {@code /inject/...}
 * with Istio's path parameters) answers AdmissionReviews through a {@link PodMutator}; {@code GET /ready} and
 * {@code /healthz} answer 200 while the server runs.
 *
 * <p>Each connection lives on one of {@link WebhookOptions#threads()} event loops, which reads the request
 * without blocking, answers it as soon as it is complete (on that same thread: no queue, no hand-off) and
 * writes the answer. TLS 1.2 and 1.3 only. The certificate and key are read from PEM files at start and re-read
 * every {@link WebhookOptions#reloadInterval()}; a changed, valid pair serves every new connection (an invalid
 * one is logged and ignored). A connection that stalls at any stage is closed after
 * {@link WebhookOptions#requestTimeout()}, an idle kept-alive one after {@link WebhookOptions#idleTimeout()}
 * ({@link RequestDeadline}); connections beyond
 * {@link WebhookOptions#maxConnections()} are closed on accept.
 *
 * <p>Thread-safe; {@link #close} stops it (idempotent).
 */
public final class WebhookServer implements AutoCloseable {
  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  private static final System.Logger LOG = System.getLogger(WebhookServer.class.getName());

  private final Channel channel;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup loops;
  private final ScheduledExecutorService reloader;
  private final CertificateWatcher watcher;
  private volatile boolean closed;

  private WebhookServer(Channel channel, EventLoopGroup acceptor, EventLoopGroup loops,
      ScheduledExecutorService reloader, CertificateWatcher watcher) {
    this.channel = channel;
    this.acceptor = acceptor;
    this.loops = loops;
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
    SslContext tls = sslContext(watcher.keyManager(), options);
    EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("meshwright-webhook-accept", true), NioIoHandler.newFactory());
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(options.threads(),
        new DefaultThreadFactory("meshwright-webhook", true), NioIoHandler.newFactory());
    ConnectionLimit limit = new ConnectionLimit(options.maxConnections());
    long timeoutNanos = options.requestTimeout().toNanos();
    long idleNanos = options.idleTimeout().toNanos();
    Channel channel;
    try {
      channel = new ServerBootstrap().group(acceptor, loops).channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 128)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              RequestDeadline deadline = new RequestDeadline(timeoutNanos, idleNanos);
              SslHandler ssl = tls.newHandler(ch.alloc());
              ssl.setHandshakeTimeout(timeoutNanos, TimeUnit.NANOSECONDS);
              ChannelPipeline p = ch.pipeline();
              p.addLast("limit", limit);
              p.addLast("deadline", deadline);
              p.addLast("tls", ssl);
              p.addLast("http", new HttpServerCodec());
              p.addLast("continue", new HttpServerExpectContinueHandler());
              p.addLast("webhook", new WebhookHandler(mutator, options.maxRequestBytes(), deadline));
            }
          })
          .bind(new InetSocketAddress(options.host(), options.port())).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
        new DefaultThreadFactory("meshwright-webhook-cert-reload", true));
    long every = options.reloadInterval().toMillis();
    reloader.scheduleWithFixedDelay(watcher::poll, every, every, TimeUnit.MILLISECONDS);
    WebhookServer server = new WebhookServer(channel, acceptor, loops, reloader, watcher);
    LOG.log(Level.INFO, "sidecar injection webhook listening on https://{0}:{1}", options.host(),
        Integer.toString(server.port()));
    return server;
  }

  /** The port the server listens on (the chosen one when the options said 0). */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
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
    channel.close().syncUninterruptibly();
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static SslContext sslContext(ReloadingKeyManager keyManager, WebhookOptions options) throws IOException {
    try {
      // the JDK's TLS, with a key manager that hands every new handshake the newest certificate
      return SslContextBuilder.forServer(keyManager).sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
          .clientAuth(ClientAuth.NONE).build();
    } catch (SSLException e) {
      throw new IOException("this JDK offers no TLS server for " + options.certFile() + ": " + e.getMessage(), e);
    }
  }
}
