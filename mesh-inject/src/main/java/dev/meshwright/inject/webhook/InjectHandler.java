package dev.meshwright.inject.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The HTTP side of {@code /inject}, in Istio 1.22's order: read the body up to the size limit (over it: 400),
 * refuse an empty body (400 {@code no body found}) and any {@code Content-Type} other than exactly
 * {@code application/json} (415), then answer 200 with the AdmissionReview from {@link AdmissionReviews}. Paths
 * that only share the prefix ({@code /injector}) get 404. Never lets an exception escape: a failure answers 500
 * when the response has not started, else the exchange is closed. Thread-safe.
 */
final class InjectHandler implements HttpHandler {
  /** How much of an over-limit body is still read (and thrown away) so the refusal reaches the client. */
  static final long DRAIN_BYTES = 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(InjectHandler.class.getName());

  private final PodMutator mutator;
  private final long maxRequestBytes;

  InjectHandler(PodMutator mutator, long maxRequestBytes) {
    this.mutator = Objects.requireNonNull(mutator, "mutator");
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      serve(exchange);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "webhook connection failed", e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "webhook request failed", e);
      try {
        reply(exchange, 500, "text/plain", "internal error: " + e.getMessage() + "\n");
      } catch (IOException | RuntimeException ignored) {
        // the response had started; closing the exchange ends it
      }
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path == null || !InjectPaths.isInjectPath(path)) {
      // the body stays unread: end the connection with this answer rather than reuse it
      exchange.getResponseHeaders().set("Connection", "close");
      reply(exchange, 404, "text/plain", "404 page not found\n");
      return;
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      // the rest of the body stays unread, so this connection cannot carry another request
      exchange.getResponseHeaders().set("Connection", "close");
      reply(exchange, 400, "text/plain", "request entity too large: limit is " + maxRequestBytes + "\n");
      return;
    }
    if (body.length == 0) {
      reply(exchange, 400, "text/plain", "no body found\n");
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!"application/json".equals(contentType)) {
      reply(exchange, 415, "text/plain", "invalid Content-Type, want `application/json`\n");
      return;
    }
    byte[] answer = AdmissionReviews.answer(body, path, mutator);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
  }

  /**
   * The body, or null when it is longer than the limit. An over-limit body is still read and discarded up to
   * {@link #DRAIN_BYTES} more, so the client receives the 400 instead of a connection reset (closing a socket
   * with unread data resets it); beyond that the connection is simply closed.
   */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    InputStream in = exchange.getRequestBody();
    if (declared != null) {
      try {
        long length = Long.parseLong(declared.trim());
        if (length > maxRequestBytes) {
          if (length <= maxRequestBytes + DRAIN_BYTES) {
            drain(in, length);
          }
          return null;
        }
      } catch (NumberFormatException e) {
        // the JDK server has already refused a malformed length; a chunked body has none
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > maxRequestBytes) {
        drain(in, DRAIN_BYTES);
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Reads and discards at most {@code max} bytes, stopping at the end of the body. */
  private static void drain(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long left = max;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  static void reply(HttpExchange exchange, int status, String contentType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
