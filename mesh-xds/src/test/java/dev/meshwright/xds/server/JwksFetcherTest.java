package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.authz.JwksResolver;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** istiod-style JWKS fetching against a real HTTP server on loopback. */
class JwksFetcherTest {
  private static final String KEYS_A = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"a\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"BB\"}]}";
  private static final String KEYS_B = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"b\",\"crv\":\"P-256\",\"x\":\"CC\",\"y\":\"DD\"}]}";

  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Semaphore changes = new Semaphore(0);
  private HttpServer http;
  private String base;

  @BeforeEach
  void start() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      String body = bodies.get(ex.getRequestURI().getPath());
      byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    http.start();
    base = "http://127.0.0.1:" + http.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  private JwksFetcher fetcher(Duration refresh) {
    JwksFetcher f = JwksFetcher.start(JwksFetcher.Options.defaults().withRefreshInterval(refresh));
    f.onChange(changes::release);
    return f;
  }

  private void awaitChange() throws InterruptedException {
    assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("a key set change was reported").isTrue();
  }

  @Test
  @DisplayName("the first ask answers empty at once and fetches; once fetched the key set is answered and announced")
  void fetchesInTheBackground() throws Exception {
    bodies.put("/keys", KEYS_A);
    try (JwksFetcher f = fetcher(Duration.ofMinutes(20))) {
      assertThat(f.jwks("https://issuer.example", base + "/keys")).isEmpty();
      awaitChange();
      assertThat(f.jwks("https://issuer.example", base + "/keys")).contains(KEYS_A);
    }
  }

  @Test
  @DisplayName("a closed fetcher still answers generation (empty), never throws")
  void closedFetcherAnswers() {
    JwksFetcher f = fetcher(Duration.ofMinutes(20));
    f.close();
    assertThat(f.jwks("iss", base + "/keys")).isEmpty();
  }

  @Test
  @DisplayName("a rule with only an issuer is resolved through its OpenID discovery document")
  void discovery() throws Exception {
    bodies.put("/tenant/.well-known/openid-configuration", "{\"issuer\":\"x\",\"jwks_uri\":\"" + base + "/certs\"}");
    bodies.put("/certs", KEYS_B);
    try (JwksFetcher f = fetcher(Duration.ofMinutes(20))) {
      assertThat(f.jwks(base + "/tenant/", "")).isEmpty();
      awaitChange();
      assertThat(f.jwks(base + "/tenant/", "")).contains(KEYS_B);
    }
  }

  @Test
  @DisplayName("a body that is no key set is refused and retried; a refresh that finds new keys is announced")
  void retriesAndRefreshes() throws Exception {
    bodies.put("/keys", "<html>maintenance</html>");
    try (JwksFetcher f = fetcher(Duration.ofMillis(1500))) {
      assertThat(f.jwks("iss", base + "/keys")).isEmpty();
      Thread.sleep(300);
      assertThat(f.jwks("iss", base + "/keys")).as("not a JWKS: still unavailable").isEmpty();
      bodies.put("/keys", KEYS_A);
      awaitChange(); // the retry after backoff
      assertThat(f.jwks("iss", base + "/keys")).contains(KEYS_A);
      bodies.put("/keys", KEYS_B);
      awaitChange(); // the periodic refresh
      assertThat(f.jwks("iss", base + "/keys")).contains(KEYS_B);
      bodies.remove("/keys");
      Thread.sleep(2000);
      assertThat(f.jwks("iss", base + "/keys")).as("a failed refresh keeps the last good set").contains(KEYS_B);
    }
  }

  @Test
  @DisplayName("the translator inlines the fetched key set in the sidecar's jwt_authn filter, the stand-in before")
  void generatorInlinesFetchedKeys() throws Exception {
    bodies.put("/keys", KEYS_A);
    String yaml = """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: jwt, namespace: shop}
        spec:
          selector: {matchLabels: {app: cart}}
          jwtRules: [{issuer: https://issuer.example, jwksUri: "%s/keys"}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: cart, namespace: shop}
        spec:
          hosts: [cart.shop.svc.cluster.local]
          ports: [{number: 8080, name: http, protocol: HTTP}]
          resolution: STATIC
          workloadSelector: {labels: {app: cart}}
        """.formatted(base);
    MeshSnapshot snapshot = MeshTranslator.create().translate(
        ConfigView.of(MeshYaml.read("c.yaml", yaml).resources()), dev.meshwright.api.mesh.MeshConfigs.defaults());
    Proxy proxy = NodeIds.parse(io.envoyproxy.envoy.config.core.v3.Node.newBuilder()
        .setId("sidecar~10.0.0.9~cart-1.shop~shop.svc.cluster.local")
        .setMetadata(com.google.protobuf.Struct.newBuilder().putFields("LABELS", com.google.protobuf.Value.newBuilder()
            .setStructValue(com.google.protobuf.Struct.newBuilder().putFields("app",
                com.google.protobuf.Value.newBuilder().setStringValue("cart").build())).build()))
        .build()).orThrow();
    try (JwksFetcher f = fetcher(Duration.ofMinutes(20))) {
      var generator = Istiod.generator(XdsOptions.defaults(), f);
      assertThat(inboundJwks(generator.generate(snapshot, proxy).of(TypeUrls.LISTENER)))
          .contains(JwksResolver.UNAVAILABLE_JWKS);
      awaitChange();
      MeshSnapshot again = MeshTranslator.create().translate(
          ConfigView.of(MeshYaml.read("c.yaml", yaml).resources()), dev.meshwright.api.mesh.MeshConfigs.defaults());
      assertThat(inboundJwks(generator.generate(again, proxy).of(TypeUrls.LISTENER))).contains(KEYS_A)
          .doesNotContain(JwksResolver.UNAVAILABLE_JWKS);
    }
  }

  /** Every inline key set in the listeners' jwt_authn filters, one per line. */
  private static String inboundJwks(Map<String, XdsResource> listeners) throws Exception {
    StringBuilder out = new StringBuilder();
    for (XdsResource r : listeners.values()) {
      for (var chain : ((io.envoyproxy.envoy.config.listener.v3.Listener) r.message()).getFilterChainsList()) {
        for (var filter : chain.getFiltersList()) {
          if (!filter.getTypedConfig().is(HttpConnectionManager.class)) {
            continue;
          }
          for (var hf : filter.getTypedConfig().unpack(HttpConnectionManager.class).getHttpFiltersList()) {
            if (hf.getTypedConfig().is(JwtAuthentication.class)) {
              hf.getTypedConfig().unpack(JwtAuthentication.class).getProvidersMap().values()
                  .forEach(p -> out.append(p.getLocalJwks().getInlineString()).append('\n'));
            }
          }
        }
      }
    }
    return out.toString();
  }
}
