package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.cli.MeshctlValidateTest.Run;
import dev.meshwright.cli.serve.ServeRuntime;
import dev.meshwright.cli.serve.ServeSettings;
import dev.meshwright.fabric8.kube.MeshClient;
import dev.meshwright.testing.kube.TokenReviewer;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.ca.server.CertificateRequest;
import dev.meshwright.xds.ca.server.IstioCertificateService;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.ConfigSource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshctl serve --kubeconfig}: the control plane on a cluster, black-box against fabric8's mock API server in
 * CRUD mode (TokenReviews answered by {@link TokenReviewer}), with a raw ADS stream as the proxy.
 */
@EnableKubernetesMockClient(crud = true)
class MeshctlServeClusterTest {
  KubernetesMockServer server;
  KubernetesClient kube;

  static final String HOST = "reviews.shop.svc.corp.example";
  static final String NODE = "sidecar~10.9.9.9~productpage-v1-abc.shop~shop.svc.corp.example";

  static String virtualService(String timeout) {
    return """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: shop}
        spec:
          hosts: [%s]
          http:
          - timeout: %s
            route:
            - destination: {host: %s}
        """.formatted(HOST, timeout, HOST);
  }

  static VirtualService readVs(String yaml) {
    return (VirtualService) MeshYaml.read("vs.yaml", yaml).resources().get(0);
  }

  void createShop() {
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    kube.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("reviews")
        .endMetadata().withNewSpec().withClusterIP("10.96.0.20").addToSelector("app", "reviews").addNewPort()
        .withName("http").withPort(9080).endPort().endSpec().build()).create();
    kube.discovery().v1().endpointSlices().inNamespace("shop").resource(new EndpointSliceBuilder().withNewMetadata()
        .withName("reviews-abcde").addToLabels("kubernetes.io/service-name", "reviews").endMetadata()
        .withAddressType("IPv4").addNewEndpoint().withAddresses("10.1.0.1").withNewConditions().withReady(true)
        .endConditions().endEndpoint().addNewPort().withName("http").withPort(9080).withProtocol("TCP").endPort()
        .build()).create();
    MeshClient.of(kube).create(readVs(virtualService("7s")));
  }

  static <T extends Message> List<T> unpack(DiscoveryResponse r, Class<T> type) {
    return r.getResourcesList().stream().map(a -> {
      try {
        return a.unpack(type);
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  static long timeoutSeconds(DiscoveryResponse rds) {
    return unpack(rds, RouteConfiguration.class).stream().filter(rc -> rc.getName().equals("9080"))
        .flatMap(rc -> rc.getVirtualHostsList().stream()).filter(vh -> vh.getDomainsList().contains(HOST))
        .flatMap(vh -> vh.getRoutesList().stream()).findFirst().orElseThrow().getRoute().getTimeout().getSeconds();
  }

  @Test
  @DisplayName("serve on a cluster pushes its Services, EndpointSlices and VirtualServices, pushes a changed "
      + "VirtualService to the connected proxy, and authenticates CSR callers by TokenReview")
  void servesTheCluster() throws Exception {
    TokenReviewer reviewer = TokenReviewer.on(server);
    createShop();
    StringWriter errText = new StringWriter();
    ServeSettings settings = new ServeSettings(new ServeSettings.Cluster(kube, List.of("istio-ca")), Optional.empty(),
        "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), Duration.ofHours(1), Duration.ZERO, "corp.example");
    ConfigSource source = ConfigSource.of(Istiod.generator(XdsOptions.defaults().withDomainSuffix("corp.example")));
    try (ServeRuntime rt = ServeRuntime.start(settings, source, new PrintWriter(errText, true));
        SotwSession proxy = SotwSession.connect(rt.xdsPort(), NODE)) {
      assertThat(rt.snapshot().registry().services(HOST)).hasSize(1);
      proxy.subscribe(TypeUrls.CLUSTER, List.of());
      proxy.subscribe(TypeUrls.ENDPOINT, List.of("outbound|9080||" + HOST));
      proxy.subscribe(TypeUrls.ROUTE, List.of("9080"));

      assertThat(unpack(proxy.next(TypeUrls.CLUSTER, r -> true), Cluster.class)).extracting(Cluster::getName)
          .contains("outbound|9080||" + HOST);
      ClusterLoadAssignment cla = unpack(proxy.next(TypeUrls.ENDPOINT, r -> true), ClusterLoadAssignment.class).get(0);
      assertThat(cla.getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress().getAddress())
          .isEqualTo("10.1.0.1");
      assertThat(timeoutSeconds(proxy.next(TypeUrls.ROUTE, r -> true))).isEqualTo(7);

      MeshClient mesh = MeshClient.of(kube);
      VirtualService current = mesh.get(VirtualService.KIND, "shop", "reviews").orElseThrow();
      mesh.update(VirtualService.builder().from(current).spec(readVs(virtualService("9s")).spec()).build());

      assertThat(timeoutSeconds(proxy.next(TypeUrls.ROUTE, r -> timeoutSeconds(r) != 7))).isEqualTo(9);

      assertThatThrownBy(() -> csr(rt.xdsPort(), "forged", "not a csr"))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).startsWith("the token is not authenticated");
          });
      String token = reviewer.serviceAccountToken("shop", "productpage", "istio-ca");
      assertThatThrownBy(() -> csr(rt.xdsPort(), token, "not a csr"))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).as("authenticated, then the CSR is refused")
                  .isEqualTo(Status.Code.INVALID_ARGUMENT));
      assertThat(reviewer.reviews()).isEqualTo(2);
      assertThat(errText.toString()).isEmpty();
    }
  }

  private static void csr(int port, String token, String csr) {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      ClientCalls.blockingUnaryCall(ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(headers)),
          IstioCertificateService.CREATE_CERTIFICATE, CallOptions.DEFAULT, CertificateRequest.of(csr, 0));
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  @DisplayName("meshctl serve --kubeconfig prints its ports, is ready once the cluster is listed, and stops cleanly "
      + "when interrupted")
  void commandLine(@TempDir Path dir) throws Exception {
    createShop();
    String[] args = {"serve", "--kubeconfig", MeshctlClusterTest.kubeconfig(dir, kube).toString(), "--host",
        "127.0.0.1", "--xds-port", "0", "--debug-port", "0", "--no-webhook"};
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve = new Thread(() -> code.set(Meshctl.run(args, InputStream.nullInputStream(),
        new PrintWriter(out, true), new PrintWriter(err, true))), "meshctl-serve-test");
    serve.start();
    try {
      Matcher debug = Pattern.compile("debug 127\\.0\\.0\\.1:(\\d+)").matcher("");
      for (int i = 0; i < 600 && !debug.reset(out.toString()).find() && serve.isAlive(); i++) {
        Thread.sleep(100);
      }
      assertThat(debug.reset(out.toString()).find()).as("serving line; stderr: " + err).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + debug.group(1));
      assertThat(http.send(HttpRequest.newBuilder(base.resolve("/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      serve.interrupt();
      serve.join(60_000);
    }
    assertThat(code.get()).as(err.toString()).isZero();
  }

  @Test
  @DisplayName("serve needs exactly one of --config and --kubeconfig; --context and --trust-requested-identity "
      + "belong to one mode each; usage errors exit 2")
  void usage() {
    String[] ports = {"--xds-port", "0", "--debug-port", "0", "--no-webhook"};
    Run neither = meshctl("", concat(new String[] {"serve"}, ports));
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("exactly one of --config DIR", "--kubeconfig FILE");
    Run both = meshctl("", concat(new String[] {"serve", "--config", ".", "--kubeconfig", "kc"}, ports));
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("exactly one of");
    Run context = meshctl("", concat(new String[] {"serve", "--config", ".", "--context", "c"}, ports));
    assertThat(context.code()).isEqualTo(2);
    assertThat(context.err()).contains("--context", "needs --kubeconfig");
    Run trust = meshctl("", concat(new String[] {"serve", "--kubeconfig", "kc", "--trust-requested-identity"}, ports));
    assertThat(trust.code()).isEqualTo(2);
    assertThat(trust.err()).contains("TokenReview");
  }

  @Test
  @DisplayName("serve --kubeconfig on a file that cannot be read exits 1 naming it")
  void unreadableKubeconfig() {
    Run r = meshctl("", "serve", "--kubeconfig", "/no/such/kubeconfig", "--xds-port", "0", "--debug-port", "0",
        "--no-webhook");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: cannot read kubeconfig /no/such/kubeconfig\n");
  }

  private static String[] concat(String[] a, String[] b) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
        .toArray(String[]::new);
  }
}
