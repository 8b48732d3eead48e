package dev.meshwright.xds.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshwright.xds.TypeUrls;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * istiod's debug port (15014) for an {@link AdsServer}, on the JDK's HTTP server:
 * <ul>
 *   <li>{@code GET /debug/syncz}: one JSON object per stream with Istio's {@code SyncStatus} fields
 *       ({@code proxy}, {@code cluster_id}, {@code istio_version}, {@code <type>_sent}/{@code <type>_acked} nonces
 *       for cluster, listener, route, endpoint, extensionconfig) plus ours: {@code <type>_status} (SYNCED, STALE,
 *       NOT SENT, ERROR) and {@code <type>_error} (the NACK text), {@code secret_*}, {@code node_id},
 *       {@code protocol}, {@code istiod};</li>
 *   <li>{@code GET /debug/config_dump?proxyID=P}: Envoy's config dump JSON of what proxy P holds (404 if unknown);</li>
 *   <li>{@code GET /ready}: 200 once the readiness check passes, else 503;</li>
 *   <li>{@code GET /metrics}: Prometheus text of {@link XdsMetrics}.</li>
 * </ul>
 * Thread-safe; {@link #close()} stops it.
 */
public final class DebugServer implements AutoCloseable {
  /** The JSON keys of each type in {@code /debug/syncz}, as Istio names them. */
  static final Map<String, String> SYNCZ_KEYS = syncKeys();
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HttpServer http;
  private final ExecutorService executor;

  private DebugServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  private static Map<String, String> syncKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TypeUrls.CLUSTER, "cluster");
    m.put(TypeUrls.LISTENER, "listener");
    m.put(TypeUrls.ROUTE, "route");
    m.put(TypeUrls.ENDPOINT, "endpoint");
    m.put("type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig", "extensionconfig");
    m.put(TypeUrls.SECRET, "secret");
    return Map.copyOf(m);
  }

  /**
   * Serves {@code ads}'s debug endpoints on {@code host:port} (port 0: ephemeral).
   *
   * @param ready what {@code /ready} reports (for instance: the first config was loaded)
   */
  public static DebugServer start(String host, int port, AdsServer ads, BooleanSupplier ready) throws IOException {
    Objects.requireNonNull(ads);
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "meshwright-debug-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.createContext("/debug/syncz", ex -> respond(ex, 200, "application/json", syncz(ads)));
    http.createContext("/debug/config_dump", ex -> {
      Optional<String> proxy = query(ex, "proxyID");
      if (proxy.isEmpty()) {
        respond(ex, 400, "text/plain", "give the proxy as ?proxyID=<pod>.<namespace> (or a node ID)\n");
        return;
      }
      var dump = ads.configDump(proxy.get());
      if (dump.isEmpty()) {
        respond(ex, 404, "text/plain", "proxy " + proxy.get() + " is not connected\n");
        return;
      }
      respond(ex, 200, "application/json", dev.meshwright.xds.ConfigDumps.json(dump.get()) + "\n");
    });
    http.createContext("/ready", ex -> {
      boolean ok = ready.getAsBoolean();
      respond(ex, ok ? 200 : 503, "text/plain", ok ? "ready\n" : "not ready\n");
    });
    http.createContext("/metrics",
        ex -> respond(ex, 200, "text/plain; version=0.0.4", ads.metrics().prometheusText()));
    http.start();
    return new DebugServer(http, executor);
  }

  /** The bound port. */
  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  /** The syncz document: a JSON array, one object per stream. */
  static String syncz(AdsServer ads) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ProxyStatus p : ads.status()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cluster_id", p.clusterId());
      m.put("proxy", p.name());
      m.put("node_id", p.nodeId());
      m.put("istio_version", p.istioVersion());
      m.put("istiod", p.serverId());
      m.put("protocol", p.protocol());
      for (String type : List.of(TypeUrls.CLUSTER, TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.ENDPOINT,
          "type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig", TypeUrls.SECRET)) {
        String k = SYNCZ_KEYS.get(type);
        TypeStatus t = p.type(type);
        m.put(k + "_sent", t.sentNonce());
        m.put(k + "_acked", t.ackedNonce());
        m.put(k + "_status", t.status().label());
        if (!t.error().isEmpty()) {
          m.put(k + "_error", t.error());
        }
      }
      out.add(m);
    }
    try {
      return JSON.writeValueAsString(out) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> query(HttpExchange ex, String key) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return Optional.empty();
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8).equals(key)) {
        String v = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private static void respond(HttpExchange ex, int code, String type, String body) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(code, bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
  }
}
