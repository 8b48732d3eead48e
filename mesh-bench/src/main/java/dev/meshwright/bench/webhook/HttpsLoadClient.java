package dev.meshwright.bench.webhook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection over TLS that POSTs the same pre-encoded request again and again, blocking,
 * as the API server's webhook client does (a pooled connection, one request at a time on it). It exists so the
 * load generator's own cost per request stays small next to the server's: the JDK {@code HttpClient} spends
 * several times the webhook's CPU per request and starts a thread for each response on a two-core machine.
 * Reconnects after the server closes the connection or an I/O error. Not thread-safe: one per load thread.
 */
final class HttpsLoadClient implements AutoCloseable {
  /** A response: its status, and whether its body held {@code needle}. */
  record Response(int status, boolean matched) {}

  private final SSLContext tls;
  private final String host;
  private final int port;
  private final byte[] request;
  private final byte[] needle;
  private SSLSocket socket;
  private InputStream in;
  private OutputStream out;

  HttpsLoadClient(SSLContext tls, String host, int port, String path, byte[] body, String needle) {
    this.tls = Objects.requireNonNull(tls, "tls");
    this.host = host;
    this.port = port;
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    this.request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    this.needle = needle.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends the request once and reads the whole response; an I/O failure closes the connection and throws. */
  Response send() throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      out.write(request);
      out.flush();
      return read();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(host, port);
    s.setTcpNoDelay(true);
    s.startHandshake();
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
    out = s.getOutputStream();
  }

  private Response read() throws IOException {
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    long length = -1;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = colon < 0 ? header : header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : header.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        length = Long.parseLong(value);
      } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
        close = true;
      } else if (name.equals("transfer-encoding")) {
        throw new IOException("unexpected Transfer-Encoding: " + value);
      }
    }
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new IOException("response without a usable Content-Length");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length != length) {
      throw new IOException("connection closed after " + body.length + " of " + length + " body bytes");
    }
    if (close) {
      close();
    }
    return new Response(status, contains(body, needle));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the response head");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a broken connection
      }
      socket = null;
    }
  }
}
