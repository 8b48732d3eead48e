package dev.meshwright.examples.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.JsonPatches;
import dev.meshwright.inject.webhook.SelfSignedCertificate;
import dev.meshwright.inject.webhook.SelfSignedCertificate.KeyType;
import dev.meshwright.inject.webhook.SidecarMutator;
import dev.meshwright.inject.webhook.WebhookOptions;
import dev.meshwright.inject.webhook.WebhookServer;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.render.ClusterFacts;
import dev.meshwright.install.render.Component;
import dev.meshwright.install.render.ManifestObject;
import dev.meshwright.install.render.ManifestRenderer;
import dev.meshwright.install.render.ManifestYaml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sidecar-injection webhook inside your own platform: a self-signed serving certificate, mesh-inject's
 * {@link WebhookServer} over TLS with the real injector ({@link SidecarMutator#gated}: Istio's injection
 * policy in front of the Istio 1.22.8 sidecar), the {@code MutatingWebhookConfiguration} the platform registers
 * so the API server calls it, and one AdmissionReview sent over real HTTPS the way the API server sends it.
 *
 * <p>The registration is Istio's own injector configuration (webhook names, rules, the {@code istio-injection}
 * and {@code istio.io/rev} selectors), rendered by mesh-install with Istio's remote-injection values
 * {@code istiodRemote.injectionURL} and {@code istiodRemote.injectionCABundle} pointing it at this server.
 * The URL must be one the API server can reach; the example uses loopback. Run it with
 * {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=dev.meshwright.examples.webhook.PlatformWebhook}.
 */
public final class PlatformWebhook {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A pod as a Deployment's ReplicaSet creates it in a namespace labelled {@code istio-injection=enabled}. */
  static final String POD = """
      {"apiVersion":"v1","kind":"Pod",
       "metadata":{"generateName":"reviews-v2-5b8f-","labels":{"app":"reviews","version":"v2"}},
       "spec":{"containers":[{"name":"reviews","image":"docker.io/istio/examples-bookinfo-reviews-v2:1.20.1"}]}}""";

  private PlatformWebhook() {}

  /**
   * What {@link #run} saw.
   *
   * @param registration the MutatingWebhookConfiguration to register, as YAML
   * @param answer the AdmissionReview the webhook answered
   * @param injectedPod the pod with the answer's patch applied
   */
  public record Outcome(String registration, JsonNode answer, JsonNode injectedPod) {}

  /** Starts the webhook on a free loopback port with certificates in {@code dir}, admits one pod, stops. */
  public static Outcome run(Path dir, PrintStream out) throws IOException, GeneralSecurityException,
      InterruptedException {
    SelfSignedCertificate.Pem pem = SelfSignedCertificate.generate(List.of("localhost", "127.0.0.1"),
        KeyType.EC_P256, Duration.ofDays(30), Clock.systemUTC());
    Path cert = Files.writeString(dir.resolve("tls.crt"), pem.certificatePem());
    Path key = Files.writeString(dir.resolve("tls.key"), pem.privateKeyPem());

    WebhookOptions options = WebhookOptions.of(cert, key).withHost("127.0.0.1").withPort(0);
    try (WebhookServer server = WebhookServer.start(options, SidecarMutator.gated(InjectionSettings.defaults()))) {
      String url = "https://127.0.0.1:" + server.port() + "/inject";
      String registration = registration(url, pem.certificatePem());
      out.println("# register this with the API server (kubectl apply -f -):");
      out.print(registration);

      String review = admissionReview(POD);
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(review)).build();
      HttpResponse<String> response = client(pem.certificatePem()).send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode answer = JSON.readTree(response.body());

      String patch = new String(Base64.getDecoder().decode(answer.path("response").path("patch").asText()),
          StandardCharsets.UTF_8);
      JsonNode injected = JsonPatches.apply(patch, JSON.readTree(POD));
      out.printf("# HTTP %d, allowed=%s, containers after the patch: %s%n", response.statusCode(),
          answer.path("response").path("allowed").asBoolean(), names(injected.path("spec").path("containers")));
      return new Outcome(registration, answer, injected);
    }
  }

  /**
   * Istio's sidecar-injector MutatingWebhookConfiguration, calling {@code url} and trusting {@code caPem}:
   * what {@code istioctl install} registers for istiod, with Istio's remote-injection values set.
   */
  static String registration(String url, String caPem) {
    String caBundle = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    String overlay = """
        apiVersion: install.istio.io/v1alpha1
        kind: IstioOperator
        spec:
          values:
            istiodRemote:
              injectionURL: %s
              injectionCABundle: %s
        """.formatted(url, caBundle);
    ManifestRenderer.Rendering rendering = ManifestRenderer.render(
        InstallInputs.of().withFile("webhook.yaml", overlay).assemble().spec().orElseThrow(), ClusterFacts.NONE);
    ManifestObject webhooks = rendering.manifest().orElseThrow().of(Component.PILOT).stream()
        .filter(o -> o.kind().equals("MutatingWebhookConfiguration")).findFirst().orElseThrow();
    return ManifestYaml.write(webhooks.body());
  }

  /** The AdmissionReview (admission.k8s.io/v1) the API server sends when {@code pod} is created. */
  static String admissionReview(String pod) throws IOException {
    ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request").put("uid", "0d7b9a4e-example")
        .put("namespace", "shop").put("operation", "CREATE");
    request.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
    request.putObject("resource").put("group", "").put("version", "v1").put("resource", "pods");
    request.set("object", JSON.readTree(pod));
    return JSON.writeValueAsString(review);
  }

  /** An HTTPS client trusting exactly the webhook's certificate, as the API server trusts the caBundle. */
  private static HttpClient client(String caPem) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("webhook", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The {@code name} of every element of {@code containers}. */
  public static List<String> names(JsonNode containers) {
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  /** Runs the example with certificates in a temporary directory. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("meshwright-webhook");
    try {
      run(dir, System.out);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }
}
