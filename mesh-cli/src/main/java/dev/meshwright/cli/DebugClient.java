package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a running {@code meshctl serve}'s debug port ({@code /debug/syncz}, {@code /debug/config_dump}). The
 * address is {@code HOST[:PORT]}, the port defaulting to 15014. Failures are {@link IOException}s whose message
 * names the address and what went wrong.
 */
final class DebugClient {
  static final int DEFAULT_DEBUG_PORT = 15014;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DebugClient(String address) {
    String a = address.contains(":") ? address : address + ":" + DEFAULT_DEBUG_PORT;
    this.base = "http://" + a;
  }

  JsonNode syncz() throws IOException {
    return get("/debug/syncz");
  }

  JsonNode configDump(String proxy) throws IOException {
    return get("/debug/config_dump?proxyID=" + URLEncoder.encode(proxy, StandardCharsets.UTF_8));
  }

  private JsonNode get(String path) throws IOException {
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException e) {
      throw new IOException("cannot reach the control plane's debug port at " + base + ": " + e, e);
    }
    if (r.statusCode() != 200) {
      throw new IOException(base + path + ": HTTP " + r.statusCode() + ": " + r.body().trim());
    }
    return new ObjectMapper().readTree(r.body());
  }
}
