package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.sun.net.httpserver.HttpServer;
import dev.meshwright.cli.serve.ServeRuntime;
import dev.meshwright.cli.serve.ServeSettings;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.authz.JwksResolver;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.ConfigSource;
import dev.meshwright.xds.server.JwksFetcher;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meshctl serve fetches a RequestAuthentication's key set and pushes it to the sidecar once it arrives. */
class MeshctlServeJwksTest {
  @TempDir Path dir;

  private static final String KEYS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"serve-test\",\"crv\":\"P-256\"}]}";

  @Test
  @DisplayName("the sidecar first gets the stand-in key set, then, without any config change, the fetched one")
  void fetchedKeysArePushed() throws Exception {
    AtomicReference<String> body = new AtomicReference<>("{\"error\":\"not yet\"}");
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/keys", ex -> {
      byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    http.start();
    Files.writeString(dir.resolve("cart.yaml"), """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: cart, namespace: shop}
        spec:
          hosts: [cart.shop.corp.example]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 8080, name: http, protocol: HTTP}]
          endpoints: [{address: 10.9.9.9, labels: {app: cart}}]
        ---
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: jwt, namespace: shop}
        spec:
          selector: {matchLabels: {app: cart}}
          jwtRules: [{issuer: https://issuer.example, jwksUri: "http://127.0.0.1:%d/keys"}]
        """.formatted(http.getAddress().getPort()));
    ServeSettings settings = new ServeSettings(dir, Optional.empty(), "127.0.0.1", 0, 0, Optional.empty(),
        Optional.empty(), false, Duration.ofHours(1), Duration.ZERO);
    JwksFetcher jwks = JwksFetcher.start(JwksFetcher.Options.defaults());
    ConfigSource source = ConfigSource.of(Istiod.generator(XdsOptions.defaults().withDomainSuffix("corp.example"),
        jwks));
    try (ServeRuntime rt = ServeRuntime.start(settings, source, jwks, new PrintWriter(new StringWriter(), true));
        SotwStream stream = new SotwStream(rt.xdsPort())) {
      Node node = Node.newBuilder().setId("sidecar~10.9.9.9~cart-1.shop~shop.svc.corp.example")
          .setMetadata(Struct.newBuilder().putFields("LABELS", Value.newBuilder().setStructValue(
              Struct.newBuilder().putFields("app", Value.newBuilder().setStringValue("cart").build())).build()))
          .build();
      stream.subscribe(node, TypeUrls.LISTENER);
      DiscoveryResponse first = stream.next();
      assertThat(text(first)).contains(JwksResolver.UNAVAILABLE_JWKS).doesNotContain("serve-test");
      stream.ack(first);

      body.set(KEYS); // the fetcher retries; once it has the keys, serve re-translates and pushes everyone
      DiscoveryResponse second = stream.next();
      assertThat(second.getTypeUrl()).isEqualTo(TypeUrls.LISTENER);
      assertThat(text(second)).contains("serve-test").doesNotContain(JwksResolver.UNAVAILABLE_JWKS);
      stream.ack(second);
    } finally {
      http.stop(0);
    }
  }

  /** Every listener's bytes as text: an inline key set appears in them verbatim. */
  private static String text(DiscoveryResponse r) {
    StringBuilder out = new StringBuilder();
    for (Any a : r.getResourcesList()) {
      out.append(a.getValue().toStringUtf8());
    }
    return out.toString();
  }
}
