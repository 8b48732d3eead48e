package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.inject.webhook.SelfSignedCertificate.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook over real TLS on loopback, called as the API server calls it. */
class WebhookServerTest {
  private static final String PATCH = "[{\"op\":\"add\",\"path\":\"/metadata/labels/injected\",\"value\":\"yes\"}]";

  @TempDir
  Path dir;
  private Path certFile;
  private Path keyFile;
  private SelfSignedCertificate.Pem first;
  private WebhookServer server;
  private HttpClient client;

  @BeforeEach
  void start() throws Exception {
    certFile = dir.resolve("cert.pem");
    keyFile = dir.resolve("key.pem");
    first = TestTls.certificate(KeyType.EC_P256);
    TestTls.write(first, certFile, keyFile);
    server = WebhookServer.start(options(), request -> AdmissionOutcome.patch(PATCH));
    client = TestTls.client(List.of(first));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WebhookOptions options() {
    return WebhookOptions.of(certFile, keyFile).withHost("127.0.0.1").withPort(0)
        .withReloadInterval(Duration.ofMillis(100)).withMaxRequestBytes(64 * 1024).withThreads(2)
        .withRequestTimeout(Duration.ofSeconds(3));
  }

  private URI uri(String path) {
    return URI.create("https://localhost:" + server.port() + path);
  }

  private HttpResponse<String> post(HttpClient c, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .POST(BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return c.send(b.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post(client, "/inject", "application/json", body);
  }

  @Test
  @DisplayName("a v1 AdmissionReview is answered in v1 with the request's uid and the mutator's patch in base64")
  void v1RoundTrip() throws Exception {
    HttpResponse<String> response = post(Reviews.review(Reviews.V1, "uid-v1", Reviews.POD));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode answer = Reviews.read(response.body());
    assertThat(answer.path("apiVersion").asText()).isEqualTo(Reviews.V1);
    assertThat(answer.path("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(answer.path("response").path("uid").asText()).isEqualTo("uid-v1");
    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(answer.path("response").path("patchType").asText()).isEqualTo("JSONPatch");
    assertThat(Reviews.patch(answer)).isEqualTo(Reviews.read(PATCH));
  }

  @Test
  @DisplayName("a v1beta1 AdmissionReview is answered in v1beta1, also on Istio's multi-cluster path")
  void v1beta1RoundTrip() throws Exception {
    HttpResponse<String> response = post(client, "/inject/cluster/c1/net/n1", "application/json",
        Reviews.review(Reviews.V1BETA1, "uid-beta", Reviews.POD));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = Reviews.read(response.body());
    assertThat(answer.path("apiVersion").asText()).isEqualTo(Reviews.V1BETA1);
    assertThat(answer.path("response").path("uid").asText()).isEqualTo("uid-beta");
    assertThat(Reviews.patch(answer)).isEqualTo(Reviews.read(PATCH));
  }

  @Test
  @DisplayName("concurrent requests each get their own uid back")
  void concurrent() throws Exception {
    try (WebhookServer wide = WebhookServer.start(options().withThreads(8), request -> AdmissionOutcome.patch(PATCH))) {
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(client.sendAsync(HttpRequest.newBuilder(URI.create("https://localhost:" + wide.port() + "/inject"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
            .POST(BodyPublishers.ofString(Reviews.review(Reviews.V1, "uid-" + i, Reviews.POD))).build(),
            BodyHandlers.ofString()));
      }
      for (int i = 0; i < futures.size(); i++) {
        JsonNode answer = Reviews.read(futures.get(i).get().body());
        assertThat(answer.path("response").path("uid").asText()).isEqualTo("uid-" + i);
        assertThat(Reviews.patch(answer)).isEqualTo(Reviews.read(PATCH));
      }
    }
  }

  @Test
  @DisplayName("any Content-Type but exactly application/json is 415, an empty body 400, a foreign path 404")
  void httpErrors() throws Exception {
    String review = Reviews.review(Reviews.V1, "u", Reviews.POD);
    assertThat(post(client, "/inject", "text/plain", review).statusCode()).isEqualTo(415);
    assertThat(post(client, "/inject", "application/json; charset=utf-8", review).statusCode()).isEqualTo(415);
    assertThat(post(client, "/inject", null, review).statusCode()).isEqualTo(415);
    HttpResponse<String> empty = post(client, "/inject", "application/json", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("no body found");
    assertThat(post(client, "/injector", "application/json", review).statusCode()).isEqualTo(404);
    assertThat(post(client, "/mutate", "application/json", review).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("/ready and /healthz answer 200")
  void health() throws Exception {
    for (String path : List.of("/ready", "/healthz")) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a body over the limit is refused with 400 and the server keeps serving; one at the limit passes")
  void sizeLimit() throws Exception {
    String review = Reviews.review(Reviews.V1, "big", Reviews.POD);
    String padded = review.substring(0, review.length() - 1) + ",\"pad\":\"";
    int limit = 64 * 1024;
    String atLimit = padded + "x".repeat(limit - padded.length() - 2) + "\"}";
    assertThat(atLimit.length()).isEqualTo(limit);
    assertThat(post(atLimit).statusCode()).isEqualTo(200);
    HttpResponse<String> over = post(atLimit + " ");
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.body()).contains("limit is 65536");
    // the same without a Content-Length (chunked): the limit holds while reading
    HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri("/inject"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
        .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            (atLimit + " ").getBytes(StandardCharsets.UTF_8)))).build(), BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(400);
    assertThat(post(review).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("garbage is answered with allowed=false and a message, and the next request still works")
  void garbage() throws Exception {
    byte[] noise = new byte[4096];
    new SecureRandom().nextBytes(noise);
    for (String body : List.of("{not json", new String(noise, StandardCharsets.ISO_8859_1), "[1,2]",
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}", "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}")) {
      HttpResponse<String> r = post(body);
      assertThat(r.statusCode()).as(body).isEqualTo(200);
      JsonNode answer = Reviews.read(r.body());
      assertThat(answer.path("response").path("allowed").asBoolean(true)).as(body).isFalse();
      assertThat(answer.path("response").path("status").path("message").asText()).as(body).isNotEmpty();
    }
    assertThat(post(Reviews.review(Reviews.V1, "after", Reviews.POD)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a new certificate written to the files is served to new connections without a restart")
  void rotation() throws Exception {
    SelfSignedCertificate.Pem second = TestTls.certificate(KeyType.RSA_2048);
    BigInteger newSerial = TestTls.parse(second.certificatePem()).getSerialNumber();
    assertThat(served(List.of(first, second))).isNotEqualTo(newSerial);
    TestTls.write(second, certFile, keyFile);
    BigInteger seen = null;
    for (int i = 0; i < 100 && !newSerial.equals(seen); i++) {
      Thread.sleep(100);
      seen = served(List.of(first, second));
    }
    assertThat(seen).isEqualTo(newSerial);
    assertThat(server.certificateChain().get(0).getSerialNumber()).isEqualTo(newSerial);
    // a client trusting only the new certificate now gets through
    assertThat(post(TestTls.client(List.of(second)), "/inject", "application/json",
        Reviews.review(Reviews.V1, "new", Reviews.POD)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a broken certificate file is ignored and the previous certificate keeps serving")
  void brokenRotation() throws Exception {
    TestTls.atomicWrite(certFile, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThat(server.reloadCertificate()).isFalse();
    assertThat(served(List.of(first))).isEqualTo(TestTls.parse(first.certificatePem()).getSerialNumber());
  }

  /** The serial of the certificate a fresh connection is served. */
  private BigInteger served(List<SelfSignedCertificate.Pem> trusted) throws Exception {
    HttpResponse<String> r = TestTls.client(trusted).send(HttpRequest.newBuilder(uri("/ready")).GET().build(),
        BodyHandlers.ofString());
    return ((X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0]).getSerialNumber();
  }

  @Test
  @DisplayName("TLS 1.2 and 1.3 are served; a TLS 1.1 ClientHello gets no ServerHello")
  void tlsVersions() throws Exception {
    assertThat(post(TestTls.client(List.of(first), "TLSv1.2"), "/inject", "application/json",
        Reviews.review(Reviews.V1, "tls12", Reviews.POD)).statusCode()).isEqualTo(200);
    assertThat(post(TestTls.client(List.of(first), "TLSv1.3"), "/inject", "application/json",
        Reviews.review(Reviews.V1, "tls13", Reviews.POD)).statusCode()).isEqualTo(200);
    assertThat(firstRecord(0x0303)).as("TLS 1.2 hello").startsWith(0x16);
    // the JDK's TLS ends the handshake without a ServerHello (it may or may not flush its alert first)
    assertThat(firstRecord(0x0302)).as("TLS 1.1 hello").isIn(List.of(), List.of(0x15, 0x02, 0x46));
  }

  /** Sends a raw ClientHello of {@code version}; returns the content type and, for an alert, level and code. */
  private List<Integer> firstRecord(int version) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(ClientHellos.clientHello(version));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(5);
      List<Integer> result = new ArrayList<>();
      if (header.length < 5) {
        return result;
      }
      result.add(header[0] & 0xff);
      if (header[0] == 0x15) {
        byte[] alert = in.readNBytes(2);
        result.add(alert[0] & 0xff);
        result.add(alert[1] & 0xff);
      }
      return result;
    }
  }

  @Test
  @DisplayName("clients that connect and stall are cut off by the server, which then serves again")
  void stalledClients() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(20_000);
        s.getOutputStream().write(0x16);
        s.getOutputStream().flush();
        stalled.add(s);
      }
      for (Socket s : stalled) {
        // the server closes the connection once the request timeout (3 s here) passes
        assertThat(readOrClosed(s)).isTrue();
      }
      HttpResponse<String> r = post(Reviews.review(Reviews.V1, "patient", Reviews.POD));
      assertThat(r.statusCode()).isEqualTo(200);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  @DisplayName("a client that sends its headers and then trickles the body stalls out like one that sends nothing")
  void trickledBody() throws Exception {
    try (SSLSocket s = tlsSocket(server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST /inject HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"apiVersion\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long started = System.nanoTime();
      assertThat(readOrClosed(s)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }
    assertThat(post(Reviews.review(Reviews.V1, "next", Reviews.POD)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("bytes that are not HTTP are answered 400 and the connection is closed; the server serves on")
  void notHttp() throws Exception {
    try (SSLSocket s = tlsSocket(server.port())) {
      s.getOutputStream().write("GET / HTTP/9.x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("connection: close");
    }
    assertThat(post(Reviews.review(Reviews.V1, "after", Reviews.POD)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a kept-alive connection is closed after the idle timeout, not the (longer) request timeout")
  void idleConnection() throws Exception {
    WebhookOptions quickIdle = options().withRequestTimeout(Duration.ofSeconds(30))
        .withIdleTimeout(Duration.ofSeconds(1));
    try (WebhookServer idle = WebhookServer.start(quickIdle, r -> AdmissionOutcome.allow());
        SSLSocket s = tlsSocket(idle.port())) {
      s.getOutputStream().write("GET /ready HTTP/1.1\r\nHost: localhost\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      byte[] head = s.getInputStream().readNBytes(15);
      assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
      long answered = System.nanoTime();
      assertThat(readOrClosed(s)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - answered)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  @DisplayName("connections beyond maxConnections are closed on accept; room frees up when one closes")
  void connectionLimit() throws Exception {
    try (WebhookServer one = WebhookServer.start(options().withMaxConnections(1), r -> AdmissionOutcome.allow())) {
      // a finished handshake proves the server counted this connection before the next one arrives
      SSLSocket held = tlsSocket(one.port());
      try (Socket extra = new Socket("127.0.0.1", one.port())) {
        extra.setSoTimeout(20_000);
        long started = System.nanoTime();
        assertThat(readOrClosed(extra)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closed at once, not after the 3 s timeout")
            .isLessThan(Duration.ofMillis(2_500));
      }
      held.close();
      int status = 0;
      for (int i = 0; i < 50 && status != 200; i++) {
        try {
          status = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + one.port() + "/ready"))
              .GET().build(), BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
          Thread.sleep(100); // the held connection's close has not reached the server yet
        }
      }
      assertThat(status).isEqualTo(200);
    }
  }

  /** A TLS connection to {@code port} trusting the first certificate, handshake done, 20 s read timeout. */
  private SSLSocket tlsSocket(int port) throws Exception {
    SSLSocket s = (SSLSocket) TestTls.trusting(List.of(first)).getSocketFactory().createSocket("127.0.0.1", port);
    s.setSoTimeout(20_000);
    s.startHandshake();
    return s;
  }

  /** True when the server ended the connection (EOF or reset) before the socket's read timeout. */
  private static boolean readOrClosed(Socket s) {
    try {
      s.getInputStream().readAllBytes(); // at most an alert, then EOF
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
