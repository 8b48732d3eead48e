package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.JsonPatches;
import dev.meshwright.inject.SidecarInjector;
import dev.meshwright.inject.webhook.SelfSignedCertificate.KeyType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real injector behind the webhook, over real TLS: the webhook gives the pod kube-inject gives. */
class SidecarWebhookTest {
  @TempDir Path dir;
  private WebhookServer server;
  private HttpClient client;

  @BeforeEach
  void start() throws Exception {
    SelfSignedCertificate.Pem pem = TestTls.certificate(KeyType.EC_P256);
    TestTls.write(pem, dir.resolve("cert.pem"), dir.resolve("key.pem"));
    server = WebhookServer.start(WebhookOptions.of(dir.resolve("cert.pem"), dir.resolve("key.pem"))
        .withHost("127.0.0.1").withPort(0).withThreads(2), SidecarMutator.gated(InjectionSettings.defaults()));
    client = TestTls.client(List.of(pem));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode admit(String path, String pod) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(Reviews.review(Reviews.V1, "uid-1", pod))).build();
    return Reviews.read(client.send(request, BodyHandlers.ofString()).body());
  }

  private static ObjectNode pod() throws Exception {
    ObjectNode pod = (ObjectNode) Reviews.JSON.readTree(Reviews.POD);
    ((ObjectNode) pod.get("metadata")).remove("managedFields");
    ((ObjectNode) pod.get("metadata")).put("namespace", "apps");
    return pod;
  }

  private static JsonNode apply(JsonNode patch, JsonNode pod) {
    return JsonPatches.apply(patch.toString(), pod);
  }

  @Test
  @DisplayName("the webhook's patch turns the pod into exactly the pod SidecarInjector (kube-inject) produces")
  void samePodAsKubeInject() throws Exception {
    JsonNode answer = admit("/inject", Reviews.POD);

    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
    JsonNode patched = apply(Reviews.patch(answer), pod());
    ObjectNode expected = SidecarInjector.inject(pod(), InjectionSettings.defaults()).pod();
    assertThat(patched).isEqualTo(expected);
    assertThat(patched.path("spec").path("containers").findValuesAsText("name")).contains("web", "istio-proxy");
  }

  @Test
  @DisplayName("a second pass over the injected pod (reinvocation) yields an empty patch")
  void reinvocationIsANoOp() throws Exception {
    JsonNode injected = apply(Reviews.patch(admit("/inject", Reviews.POD)), pod());

    JsonNode again = admit("/inject", injected.toString());

    assertThat(Reviews.patch(again)).isEmpty();
  }

  @Test
  @DisplayName("the path's cluster and network reach the proxy's environment and the network label")
  void pathParameters() throws Exception {
    JsonNode patched = apply(Reviews.patch(admit("/inject/cluster/east/net/network-1", Reviews.POD)), pod());

    JsonNode proxy = patched.path("spec").path("containers").get(1);
    assertThat(proxy.path("name").asText()).isEqualTo("istio-proxy");
    assertThat(proxy.path("env").toString()).contains("{\"name\":\"ISTIO_META_CLUSTER_ID\",\"value\":\"east\"}",
        "{\"name\":\"ISTIO_META_NETWORK\",\"value\":\"network-1\"}");
    assertThat(patched.path("metadata").path("labels").path("topology.istio.io/network").asText())
        .isEqualTo("network-1");
  }

  @Test
  @DisplayName("a pod the injector refuses is denied with the injector's message; the server keeps serving")
  void refusedPodIsDenied() throws Exception {
    String bad = Reviews.POD.replace("\"labels\":{\"app\":\"web\"}",
        "\"labels\":{\"app\":\"web\"},\"annotations\":{\"inject.istio.io/templates\":\"no-such-template\"}");

    JsonNode answer = admit("/inject", bad);

    assertThat(answer.path("response").path("allowed").asBoolean()).isFalse();
    assertThat(answer.path("response").path("status").path("message").asText()).contains("no-such-template");
    assertThat(admit("/inject", Reviews.POD).path("response").path("allowed").asBoolean()).isTrue();
  }
}
