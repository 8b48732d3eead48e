package dev.meshwright.xds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwright.xds.authz.JwksResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * istiod's JWKS fetching for RequestAuthentication rules (its default mode: the control plane fetches, the proxy
 * gets the key set inline). Generation asks {@link #jwks} and never waits: a key set not fetched yet is empty (the
 * generator then inlines {@link JwksResolver#UNAVAILABLE_JWKS}, so tokens are rejected, not accepted unchecked) and
 * its fetch starts in the background. A rule without {@code jwksUri} is resolved through its issuer's OpenID
 * discovery document ({@code <issuer>/.well-known/openid-configuration}, field {@code jwks_uri}).
 *
 * <p>Fetched key sets are refreshed every {@link Options#refreshInterval()} (istiod's
 * {@code PILOT_JWT_PUB_KEY_REFRESH_INTERVAL}, 20 minutes); a failed refresh keeps the last good set; a set nobody
 * asked for in {@link Options#evictAfter()} (24 hours) is dropped. A first fetch that fails is retried with backoff
 * from one second up to the refresh interval. Whenever a key set appears or changes, every listener added with
 * {@link #onChange} runs (on the fetcher's thread): the embedding server then publishes with
 * {@link AdsServer#publishFull}, since the generated listeners changed though the config did not. A body that is
 * not a JSON object with a {@code keys} array, larger than {@link Options#maxBytes()}, or not answered within
 * {@link Options#timeout()} counts as a failure. Thread-safe.
 */
public final class JwksFetcher implements JwksResolver, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JwksFetcher.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  /**
   * How the fetcher behaves.
   *
   * @param refreshInterval how often fetched key sets are fetched again
   * @param timeout the limit on one HTTP request
   * @param maxBytes the largest body accepted
   * @param evictAfter how long a key set nobody asks for is kept
   */
  public record Options(Duration refreshInterval, Duration timeout, int maxBytes, Duration evictAfter) {
    /** Checks the values. */
    public Options {
      Objects.requireNonNull(refreshInterval, "refreshInterval");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(evictAfter, "evictAfter");
      if (refreshInterval.isNegative() || refreshInterval.isZero() || timeout.isNegative() || timeout.isZero()
          || maxBytes <= 0) {
        throw new IllegalArgumentException("JWKS fetch intervals, timeout and size limit must be positive");
      }
    }

    /** istiod's defaults: refresh every 20 minutes, 5 s per request, 1 MiB, evicted after 24 h unused. */
    public static Options defaults() {
      return new Options(Duration.ofMinutes(20), Duration.ofSeconds(5), 1 << 20, Duration.ofHours(24));
    }

    /** These options with another refresh interval. */
    public Options withRefreshInterval(Duration value) {
      return new Options(value, timeout, maxBytes, evictAfter);
    }
  }

  /** One key set: what was last fetched (null until the first success) and when it was last asked for. */
  private static final class Entry {
    final String issuer;
    final String uri;
    volatile String jwks;
    volatile Instant lastAsked;
    volatile boolean inFlight;
    Duration retry = FIRST_RETRY;

    Entry(String issuer, String uri, Instant now) {
      this.issuer = issuer;
      this.uri = uri;
      this.lastAsked = now;
    }
  }

  private final Options options;
  private final Clock clock;
  private final HttpClient http;
  private final ScheduledExecutorService executor;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private JwksFetcher(Options options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "meshwright-jwks");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    long every = options.refreshInterval().toMillis();
    executor.scheduleWithFixedDelay(this::refreshAll, every, every, TimeUnit.MILLISECONDS);
  }

  /** A fetcher with {@code options} on the system clock; {@link #close} stops its thread. */
  public static JwksFetcher start(Options options) {
    return new JwksFetcher(Objects.requireNonNull(options), Clock.systemUTC());
  }

  /** Runs {@code listener} whenever a key set appears or changes. */
  public void onChange(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  @Override
  public Optional<String> jwks(String issuer, String jwksUri) {
    String key = jwksUri.isEmpty() ? "issuer:" + issuer : jwksUri;
    if (jwksUri.isEmpty() && issuer.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry e = entries.computeIfAbsent(key, k -> {
      Entry created = new Entry(issuer, jwksUri, now);
      created.inFlight = true;
      try {
        executor.execute(() -> fetch(created));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        created.inFlight = false; // closed: generation still gets an answer, the stand-in
      }
      return created;
    });
    e.lastAsked = now;
    return Optional.ofNullable(e.jwks);
  }

  private void fetch(Entry e) {
    String fetched;
    try {
      String uri = e.uri.isEmpty() ? discover(e.issuer) : e.uri;
      fetched = keySet(get(uri), uri);
    } catch (IOException | RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, "cannot fetch JWKS " + (e.uri.isEmpty() ? "of issuer " + e.issuer : e.uri)
          + ": " + ex.getMessage() + (e.jwks == null ? "; its tokens are rejected until it is fetched" : "; keeping the last one"));
      if (e.jwks == null && !executor.isShutdown()) {
        Duration wait = e.retry;
        e.retry = min(e.retry.multipliedBy(2), options.refreshInterval());
        executor.schedule(() -> fetch(e), wait.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        e.inFlight = false;
      }
      return;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return;
    }
    e.inFlight = false;
    e.retry = FIRST_RETRY;
    if (!fetched.equals(e.jwks)) {
      e.jwks = fetched;
      for (Runnable l : listeners) {
        try {
          l.run();
        } catch (RuntimeException ex) {
          LOG.log(System.Logger.Level.WARNING, "a JWKS change listener failed", ex);
        }
      }
    }
  }

  private void refreshAll() {
    Instant now = clock.instant();
    entries.values().removeIf(e -> e.lastAsked.plus(options.evictAfter()).isBefore(now));
    for (Entry e : entries.values()) {
      if (!e.inFlight) {
        e.inFlight = true;
        fetch(e);
      }
    }
  }

  private String discover(String issuer) throws IOException, InterruptedException {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    String uri = base + "/.well-known/openid-configuration";
    JsonNode doc = JSON.readTree(get(uri));
    JsonNode jwksUri = doc == null ? null : doc.get("jwks_uri");
    if (jwksUri == null || !jwksUri.isTextual() || jwksUri.asText().isEmpty()) {
      throw new IOException(uri + " has no jwks_uri");
    }
    return jwksUri.asText();
  }

  private String get(String uri) throws IOException, InterruptedException {
    URI u = URI.create(uri);
    if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())) {
      throw new IOException("not an http(s) URI: " + uri);
    }
    HttpRequest request = HttpRequest.newBuilder(u).timeout(options.timeout()).GET().build();
    HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = r.body()) {
      if (r.statusCode() != 200) {
        throw new IOException(uri + " answered HTTP " + r.statusCode());
      }
      byte[] bytes = body.readNBytes(options.maxBytes() + 1);
      if (bytes.length > options.maxBytes()) {
        throw new IOException(uri + " sent more than " + options.maxBytes() + " bytes");
      }
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static String keySet(String body, String uri) throws IOException {
    JsonNode doc = JSON.readTree(body);
    if (doc == null || !doc.isObject() || !doc.path("keys").isArray()) {
      throw new IOException(uri + " is not a JSON Web Key Set (no \"keys\" array)");
    }
    return body;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Stops refreshing and fetching. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
